"""test_basket.py's tests, on the site where Solr answers (marker solr_site): the
same test functions, with the fund indexed in the Solr layer's own Solr."""

import pytest
from test_basket import *  # noqa: F401,F403 (the tests themselves)


@pytest.fixture()
def live_fund(live_solr_fund):
    return live_solr_fund
