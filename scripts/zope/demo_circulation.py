"""Run by `zconsole run CONF scripts/zope/demo_circulation.py ARGS` (see scripts/demo-circulation).

zconsole puts the Zope root in ``app``.
"""

from rt.infodoc.circulation.demodata.cli import main
from rt.infodoc.launcher import zope_script

zope_script(main, app, "demo_circulation.py", "Démonstration")  # noqa: F821 (app: provided by zconsole)
