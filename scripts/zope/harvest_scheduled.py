"""Run by `zconsole run CONF scripts/zope/harvest_scheduled.py ARGS` (see scripts/harvest-scheduled).

zconsole puts the Zope root in ``app``.
"""

from rt.infodoc.harvesting.cli import scheduled_main
from rt.infodoc.launcher import zope_script

zope_script(scheduled_main, app, "harvest_scheduled.py", "Moissonnage")  # noqa: F821 (app: provided by zconsole)
