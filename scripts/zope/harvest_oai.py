"""Run by `zconsole run CONF scripts/zope/harvest_oai.py ARGS` (see scripts/harvest-oai).

zconsole puts the Zope root in ``app``.
"""

from rt.infodoc.harvesting.cli import main
from rt.infodoc.launcher import zope_script

zope_script(main, app, "harvest_oai.py", "Moissonnage")  # noqa: F821 (app: provided by zconsole)
