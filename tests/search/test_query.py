"""SearchQuery: URL parameters in, the same permalink out (pure Python)."""

from urllib.parse import parse_qs
from urllib.parse import urlencode

from rt.infodoc.search.query import FACETS
from rt.infodoc.search.query import SearchQuery


def test_from_request_reads_every_parameter():
    query = SearchQuery.from_request({
        "q": " illettrisme ", "title": "Guide", "author": "Dupont", "subject": "lecture",
        "isbn": "978-2-07-036822-8", "year_from": "2005", "year_to": "2015",
        "f.themes": ["savoirs-de-base", "education"], "f.document_type": "rapport",
        "sort": "date", "page": "2", "page_size": "50",
    })
    assert query.text == "illettrisme"
    assert (query.title, query.author, query.subject) == ("Guide", "Dupont", "lecture")
    assert query.isbn == "978-2-07-036822-8"
    assert (query.year_from, query.year_to) == (2005, 2015)
    assert query.filters == {"themes": ["savoirs-de-base", "education"],
                             "document_type": ["rapport"]}
    assert (query.sort, query.page, query.page_size) == ("date", 2, 50)
    assert query.start == 50


def test_permalink_round_trip():
    url = "q=illettrisme&f.themes=savoirs-de-base&f.document_type=rapport&sort=date&page=2"
    query = SearchQuery.from_request(parse_qs(url))
    assert urlencode(query.to_params()) == url
    assert SearchQuery.from_request(parse_qs(urlencode(query.to_params()))) == query


def test_bad_values_fall_back_to_defaults():
    query = SearchQuery.from_request({
        "sort": "random", "page": "-3", "page_size": "100000", "year_from": "deux mille",
        "f.unknown": "x", "f.themes": ["", " "],
    })
    assert query.sort == "relevance"
    assert query.page == 1
    assert query.page_size == 100
    assert query.year_from is None
    assert query.filters == {}
    assert query.is_empty
    assert query.to_params() == [("page_size", "100")]


def test_toggled_selects_and_unselects_on_page_one():
    query = SearchQuery(text="x", page=3)
    on = query.toggled("themes", "sante")
    assert on.filters == {"themes": ["sante"]} and on.page == 1
    assert on.selected("themes", "sante")
    assert query.filters == {}
    off = on.toggled("themes", "sante")
    assert not off.selected("themes", "sante")


def test_facet_names_are_the_contract():
    assert FACETS == ("themes", "document_type", "year", "authors", "descriptors",
                      "territory", "doc_language", "support", "production_kind",
                      "availability", "relay_sites")


def test_query_module_is_pure():
    import subprocess
    import sys
    code = (
        "import sys\n"
        "import rt.infodoc.search.query, rt.infodoc.search.results\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('Zope2', 'Products', 'plone', 'App', 'OFS', 'ZPublisher', 'Acquisition', 'ZODB')"
        " or m.startswith(('zope.component', 'zope.interface', 'zope.publisher')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
