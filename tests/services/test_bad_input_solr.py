"""test_bad_input.py's REST tests where Solr answers @recherche (marker solr_site)."""

import pytest
from live_sites import indexed_in_solr
from live_sites import search_backend

from rt.infodoc.search.health import HEALTH

from .test_bad_input import *  # noqa: F401,F403 (the tests themselves)
from .test_bad_input import publish_records


@pytest.fixture()
def site(solr_functional):
    fund = indexed_in_solr(solr_functional, publish_records)
    assert search_backend(fund["base"]) == "solr"
    yield fund
    assert search_backend(fund["base"]) == "solr", "the search fell back to the catalog"
    HEALTH.forget()
