"""Plone fixtures (pytest-plone) for the tests that need a site.

The layers are set up once per session, and only for the tests that ask for
them: pure-Python tests (marc/, oaiprovider/engine/, harvesting/core/...) run without Zope.
"""

import pytest
from pytest_plone import fixtures_factory

from rt.infodoc.testing import FUNCTIONAL_TESTING
from rt.infodoc.testing import INTEGRATION_TESTING
from rt.infodoc.testing import SOLR_FUNCTIONAL_TESTING

pytest_plugins = ["pytest_plone"]

LAYER_PREFIXES = ("functional", "integration", "solr_functional")
SOLR_LAYER = "solr_functional"

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
            # a real Solr on a free port, started for the session when a test needs it
            (SOLR_FUNCTIONAL_TESTING, SOLR_LAYER),
        ),
        keep_session=False,
    )
)


def _uses(item, prefix):
    return prefix in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(session, config, items):
    """The tests of the Solr site (marked ``solr_site``) run in a pytest process of
    their own: held together with the other layers, the Solr layer's component
    registry and settings would leak into the other sites. `make test` runs
    ``-m "not solr_site"`` then ``-m solr_site``; a plain ``pytest tests`` runs
    the others and says how to run these."""
    solr_items = [item for item in items if _uses(item, SOLR_LAYER)]
    for item in solr_items:
        item.add_marker(pytest.mark.solr_site)
    if solr_items and len(solr_items) < len(items) and not config.option.markexpr:
        config.hook.pytest_deselected(items=solr_items)
        items[:] = [item for item in items if not _uses(item, SOLR_LAYER)]
        config._rt_solr_deselected = len(solr_items)


def pytest_terminal_summary(terminalreporter, config):
    count = getattr(config, "_rt_solr_deselected", 0)
    if count:
        terminalreporter.write_line(
            f"{count} tests of the Solr site were not run in this process: "
            "run them with `pytest -m solr_site` (make test runs both)."
        )


@pytest.fixture(autouse=True, scope="session")
def _keep_plone_layers(request):
    """Hold each layer for the whole session, if a collected test needs it."""
    for prefix in LAYER_PREFIXES:
        if any(_uses(item, prefix) for item in request.session.items):
            request.getfixturevalue(f"{prefix}_session")


@pytest.fixture(autouse=True)
def _fresh_page_shells():
    """Each test's site is a new ZODB whose catalog counter may repeat an earlier
    test's: the page shells (and the home page) kept for anonymous readers start
    empty."""
    from rt.infodoc.browser import page_shell
    from rt.infodoc.browser.home import cache as home_page

    page_shell.forget()
    home_page.forget()
    yield
