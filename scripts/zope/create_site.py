"""Run by `zconsole run CONF scripts/zope/create_site.py [--replace] [--no-demo]`.

zconsole puts the Zope root in ``app``.
"""

import sys

from rt.infodoc.setuphandlers.site import create_site

args = sys.argv[1:]
site, created = create_site(
    app,  # noqa: F821 (provided by zconsole)
    site_id="Plone",
    demo="--no-demo" not in args,
    replace="--replace" in args,
)
print(("created" if created else "already there") + f": {'/'.join(site.getPhysicalPath())}")
