"""The loan rules import neither Zope nor Plone nor the ZODB."""

import subprocess
import sys


def test_rules_import_no_zope():
    code = (
        "import sys\n"
        "import rt.infodoc.circulation.rules.check, rt.infodoc.circulation.rules.policy\n"
        "import rt.infodoc.circulation.rules.calendar, rt.infodoc.circulation.rules.statuses\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('Zope2', 'Products', 'plone', 'App', 'OFS', 'ZPublisher', 'Acquisition', 'ZODB',"
        " 'persistent', 'BTrees')"
        " or m.startswith(('zope.component', 'zope.interface', 'zope.event', 'zope.schema')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
