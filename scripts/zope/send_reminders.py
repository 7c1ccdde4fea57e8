"""Run by `zconsole run CONF scripts/zope/send_reminders.py ARGS` (see scripts/send-reminders).

zconsole puts the Zope root in ``app``.
"""

from rt.infodoc.circulation.reminders.cli import main
from rt.infodoc.launcher import zope_script

zope_script(main, app, "send_reminders.py", "Relances")  # noqa: F821 (app: provided by zconsole)
