"""The pure cores of reminders, figures and the demo year import neither Zope nor Plone."""

import subprocess
import sys


def test_pure_modules_import_no_zope_or_plone():
    code = (
        "import sys\n"
        "import rt.infodoc.circulation.reminders.levels, rt.infodoc.circulation.reminders.texts\n"
        "import rt.infodoc.circulation.figures.counters, rt.infodoc.circulation.figures.report\n"
        "import rt.infodoc.circulation.figures.charts, rt.infodoc.circulation.demodata.plan\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('Zope2', 'Products', 'plone', 'App', 'OFS', 'ZPublisher', 'Acquisition', 'ZODB',"
        " 'transaction', 'persistent', 'BTrees') or m.startswith(('zope.component',"
        " 'zope.interface')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
