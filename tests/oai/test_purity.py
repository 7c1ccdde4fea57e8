"""The OAI-PMH and harvest cores import neither Zope nor Plone."""

import subprocess
import sys


def test_cores_import_no_zope_or_plone():
    code = (
        "import sys\n"
        "import rt.infodoc.oai.provider, rt.infodoc.oai.wsgi, rt.infodoc.oai.metadata\n"
        "import rt.infodoc.harvest.harvester, rt.infodoc.harvest.state\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('Zope2', 'Products', 'plone', 'App', 'OFS', 'ZPublisher', 'Acquisition', 'ZODB')"
        " or m.startswith(('zope.component', 'zope.interface', 'zope.publisher')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
