"""The pure parts of harvesting import neither Zope nor Plone."""

import subprocess
import sys


def test_pure_modules_import_no_zope_or_plone():
    code = (
        "import sys\n"
        "import rt.infodoc.harvesting.identifiers, rt.infodoc.harvesting.dublin_core\n"
        "import rt.infodoc.harvesting.records, rt.infodoc.harvesting.sources\n"
        "import rt.infodoc.harvesting.summary, rt.infodoc.launcher\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('Zope2', 'Products', 'plone', 'App', 'OFS', 'ZPublisher', 'Acquisition', 'ZODB',"
        " 'transaction') or m.startswith(('zope.component', 'zope.interface')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
