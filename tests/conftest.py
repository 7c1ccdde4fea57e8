"""Plone fixtures (pytest-plone) for the tests that need a site.

The layers are set up once per session, and only for the tests that ask for
them: pure-Python tests (marc/, oai/, harvest/...) run without Zope.
"""

import pytest
from pytest_plone import fixtures_factory

from rt.infodoc.testing import FUNCTIONAL_TESTING
from rt.infodoc.testing import INTEGRATION_TESTING
from rt.infodoc.testing import SOLR_FUNCTIONAL_TESTING

pytest_plugins = ["pytest_plone"]

LAYER_PREFIXES = ("functional", "integration", "solr_functional")

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
            # a real Solr on a free port, started for the session when a test needs it
            (SOLR_FUNCTIONAL_TESTING, "solr_functional"),
        ),
        keep_session=False,
    )
)


@pytest.fixture(autouse=True, scope="session")
def _keep_plone_layers(request):
    """Hold each layer for the whole session, if a collected test needs it."""
    for prefix in LAYER_PREFIXES:
        if any(prefix in getattr(item, "fixturenames", ()) for item in request.session.items):
            request.getfixturevalue(f"{prefix}_session")
