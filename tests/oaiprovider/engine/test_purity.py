"""The OAI-PMH engine (oaiprovider/engine/) and the harvester (harvesting/core/)
import neither Zope nor Plone: every module of both subpackages is imported."""

import subprocess
import sys

CODE = """
import importlib, pkgutil, sys
import rt.infodoc.oaiprovider.engine as engine, rt.infodoc.harvesting.core as core
for package in (engine, core):
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m.split('.')[0] in
    ('Zope2', 'Products', 'plone', 'App', 'OFS', 'ZPublisher', 'Acquisition', 'ZODB')
    or m.startswith(('zope.component', 'zope.interface', 'zope.publisher')))
print(','.join(bad))
"""


def test_cores_import_no_zope_or_plone():
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
