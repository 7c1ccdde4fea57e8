"""Run by `zconsole run CONF scripts/zope/import_marc.py ARGS` (see scripts/import-marc).

zconsole puts the Zope root in ``app``.
"""

from rt.infodoc.importer.cli import main
from rt.infodoc.launcher import zope_script

zope_script(main, app, "import_marc.py", "Import")  # noqa: F821 (app: provided by zconsole)
