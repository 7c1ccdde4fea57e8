"""The catcher and its address are plain Python: the script runs them without Zope
(the package's own message factory, zope.i18nmessageid, is all it loads)."""

import subprocess
import sys


def test_catcher_imports_no_zope():
    code = (
        "import sys, rt.infodoc.mail.catcher, rt.infodoc.mail.address;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('Zope2', 'Products', 'plone', 'zope')"
        " and m not in ('zope',) and not m.startswith('zope.i18nmessageid')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
