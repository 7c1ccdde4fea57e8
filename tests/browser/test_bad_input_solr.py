"""test_bad_input.py's search tests on the site where Solr answers (marker
solr_site): the text reaches Solr's own request encoding (collective.solr also
answers Plone's @@search there), and the page number Solr's 32-bit start. The
basket and the exports do not touch Solr: they run once, in test_bad_input.py."""

import pytest
from test_bad_input import test_feeds  # noqa: F401 (the tests themselves)
from test_bad_input import test_huge_page_is_an_empty_page  # noqa: F401
from test_bad_input import test_latin1_in_feeds  # noqa: F401
from test_bad_input import test_latin1_in_plone_search  # noqa: F401
from test_bad_input import test_latin1_text_finds_the_record  # noqa: F401
from test_bad_input import test_latin1_values_are_read_as_latin1  # noqa: F401
from test_bad_input import test_plone_search_page  # noqa: F401
from test_bad_input import test_search_page  # noqa: F401
from test_bad_input import test_suggest  # noqa: F401
from test_bad_input import test_suggest_reads_latin1  # noqa: F401


@pytest.fixture()
def live_fund(live_solr_fund):
    return live_solr_fund
