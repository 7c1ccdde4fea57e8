"""SearchQuery: URL parameters in, the same permalink out (pure Python)."""

from urllib.parse import parse_qs
from urllib.parse import urlencode

from rt.infodoc.search.query import FACETS
from rt.infodoc.search.query import SearchQuery


def test_from_request_reads_every_parameter():
    query = SearchQuery.from_request(
        {
            "q": " illettrisme ",
            "title": "Guide",
            "author": "Dupont",
            "subject": "lecture",
            "isbn": "978-2-07-036822-8",
            "year_from": "2005",
            "year_to": "2015",
            "f.themes": ["savoirs-de-base", "education"],
            "f.document_type": "rapport",
            "sort": "date",
            "page": "2",
            "page_size": "50",
        }
    )
    assert query.text == "illettrisme"
    assert (query.title, query.author, query.subject) == ("Guide", "Dupont", "lecture")
    assert query.isbn == "978-2-07-036822-8"
    assert (query.year_from, query.year_to) == (2005, 2015)
    assert query.filters == {
        "themes": ["savoirs-de-base", "education"],
        "document_type": ["rapport"],
    }
    assert (query.sort, query.page, query.page_size) == ("date", 2, 50)
    assert query.start == 50


def test_permalink_round_trip():
    url = "q=illettrisme&f.themes=savoirs-de-base&f.document_type=rapport&sort=date&page=2"
    query = SearchQuery.from_request(parse_qs(url))
    assert urlencode(query.to_params()) == url
    assert SearchQuery.from_request(parse_qs(urlencode(query.to_params()))) == query


def test_bad_values_fall_back_to_defaults():
    query = SearchQuery.from_request(
        {
            "sort": "random",
            "page": "-3",
            "page_size": "100000",
            "year_from": "deux mille",
            "f.unknown": "x",
            "f.themes": ["", " "],
        }
    )
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
    assert FACETS == (
        "themes",
        "document_type",
        "year",
        "authors",
        "descriptors",
        "territory",
        "doc_language",
        "support",
        "production_kind",
        "availability",
        "relay_sites",
    )


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
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


# ------------------------------------------------------------ hostile input (#10)


def test_page_is_capped_so_solr_start_stays_a_32_bit_int():
    from rt.infodoc.search.query import MAX_PAGE
    from rt.infodoc.search.query import MAX_PAGE_SIZE

    for page in ("2147483648", "9" * 5000, str(10**40)):
        query = SearchQuery.from_request({"page": page, "page_size": "100"})
        assert query.page == MAX_PAGE
        assert query.start + query.page_size < 2**31
    assert SearchQuery(page=10**30, page_size=MAX_PAGE_SIZE).page == MAX_PAGE


def test_numbers_are_ascii_digits_only():
    for value in ("abc", "١٢", "1_000", "0x10", "1e3", "", "\x00", "-"):
        assert SearchQuery.from_request({"page": value}).page == 1
        assert SearchQuery.from_request({"year_from": value}).year_from is None
    assert SearchQuery.from_request({"page": "-5"}).page == 1
    assert SearchQuery.from_request({"page": " 007 "}).page == 7
    assert SearchQuery.from_request({"page": 3}).page == 3  # page:int


def test_control_characters_and_surrogates_are_not_text():
    query = SearchQuery.from_request(
        {
            "q": "été\x00\x01 à\ud8e9 la\x1f mer",
            "title": ["\x0b", "x"],
            "f.themes": ["savoirs\x00", "\x7f", "emploi\udce9"],
            "author": {"a": 1},
        }
    )
    assert query.text == "été à la mer"
    assert query.title == ""
    assert query.filters == {"themes": ["savoirs", "emploi"]}
    assert query.author == ""


def test_years_typed_the_wrong_way_round_are_the_same_range():
    """ "À partir de 2020, jusqu'à 2010" found nothing, without a word why."""
    query = SearchQuery.from_request({"year_from": "2020", "year_to": "2010"})
    assert (query.year_from, query.year_to) == (2010, 2020)
    assert ("year_from", "2010") in query.to_params()
