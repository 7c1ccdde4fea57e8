"""Run by `zconsole run CONF scripts/zope/circulation_daily.py ARGS` (see
scripts/circulation-daily). zconsole puts the Zope root in ``app``.
"""

from rt.infodoc.circulation.daily import main
from rt.infodoc.launcher import zope_script

zope_script(main, app, "circulation_daily.py", "Circulation")  # noqa: F821 (app: provided by zconsole)
