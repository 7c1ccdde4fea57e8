"""The portal pages against hostile input (issue #10): no 500, well-formed answers.

Property-based (Hypothesis, profile tests/bad_input.py): random bytes, Latin-1,
control characters, surrogates, huge and negative numbers and ZPublisher suffixes
in every parameter of every public page, feed, basket action and export; then the
cases an outside probe reported, one by one. test_bad_input_solr.py runs the
search ones again where Solr answers.
"""

import pytest
import requests
from bad_input import BAD_INPUT
from bad_input import COOKIE_TEXT
from bad_input import check_answer
from bad_input import check_bad_request
from bad_input import get
from bad_input import pairs
from bad_input import post
from hypothesis import given
from hypothesis import strategies as st

from rt.infodoc.search.query import FACETS
from rt.infodoc.search.query import MAX_PAGE

SEARCH_PARAMS = [
    "q",
    "title",
    "author",
    "subject",
    "isbn",
    "year_from",
    "year_to",
    "sort",
    "page",
    "page_size",
    *(f"f.{name}" for name in FACETS),
]
HTML = {"Accept": "text/html"}


# ------------------------------------------------------------ property-based


@BAD_INPUT
@given(items=pairs(SEARCH_PARAMS))
def test_search_page(live_fund, items):
    check_answer(get(f"{live_fund['base']}/recherche", items, headers=HTML))


@BAD_INPUT
@given(kind=st.sampled_from(["rss", "atom"]), items=pairs(SEARCH_PARAMS))
def test_feeds(live_fund, kind, items):
    response = get(f"{live_fund['base']}/@@recherche-{kind}", items)
    check_answer(response)
    if response.status_code == 200:
        assert response.headers["Content-Type"].startswith(f"application/{kind}+xml")


@BAD_INPUT
@given(items=pairs(["q", "limit"]))
def test_suggest(live_fund, items):
    response = get(f"{live_fund['base']}/@@recherche-suggest", items)
    data = check_answer(response)
    if response.status_code == 200:
        assert isinstance(data["suggestions"], list)


@BAD_INPUT
@given(
    items=pairs(
        ["basket_action", "uid", "came_from", "email", "note", "page_title", "folder"], max_size=6
    ),
    action=st.sampled_from([b"add", b"remove", b"clear", b"email", b"create_page"]),
    cookie=COOKIE_TEXT,
)
def test_basket_forms(live_fund, items, action, cookie):
    url = f"{live_fund['base']}/panier"
    cookies = {"rt_panier": cookie}
    check_answer(post(url, [("basket_action", action), *items], headers=HTML, cookies=cookies))
    check_answer(get(url, items, headers=HTML, cookies=cookies))


@BAD_INPUT
@given(items=pairs(["format"]))
def test_basket_export(live_fund, items):
    lire = live_fund["lire"].UID()
    check_answer(get(f"{live_fund['base']}/@@panier-export", items, cookies={"rt_panier": lire}))


@BAD_INPUT
@given(
    view=st.sampled_from(
        [
            "",
            "/view",
            "/@@export-ris",
            "/@@export-bibtex",
            "/@@export-unimarc",
            "/@@export-marcxml",
            "/@@export-unimarcxml",
        ]
    ),
    items=pairs(["q", "format", "b_start", "b_size", "SearchableText"]),
)
def test_notice_page_and_exports(live_fund, view, items):
    url = f"{live_fund['base']}/fonds/apprendre-a-lire{view}"
    check_answer(get(url, items, headers=HTML))


@BAD_INPUT
@given(
    items=pairs(
        [
            "SearchableText",
            "b_start",
            "b_size",
            "sort_on",
            "sort_order",
            "portal_type",
            "Subject",
            "created.query",
            "created.range",
            "advanced_search",
        ]
    )
)
def test_plone_search_page(live_fund, items):
    check_answer(get(f"{live_fund['base']}/@@search", items, headers=HTML))


# ------------------------------------------------------------ reported cases


@pytest.mark.parametrize("name", ["q", "title", "author", "f.themes", "f.document_type"])
def test_latin1_values_are_read_as_latin1(live_fund, name):
    """q=%E9t%E9 (a form sent as ISO-8859-1) searches for « été »."""
    response = get(
        f"{live_fund['base']}/recherche", [(name, "été".encode("latin-1"))], headers=HTML
    )
    page = check_answer(response)
    assert response.status_code == 200
    assert "été" in page.text_content()
    assert "\ufffd" not in response.text


def test_latin1_text_finds_the_record(live_fund):
    response = get(
        f"{live_fund['base']}/recherche",
        [("q", "Apprendre à lire".encode("latin-1"))],
        headers=HTML,
    )
    assert response.status_code == 200
    assert "Apprendre à lire aux adultes" in check_answer(response).text_content()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_latin1_in_feeds(live_fund, kind):
    response = get(f"{live_fund['base']}/@@recherche-{kind}", [("q", b"\xe9t\xe9")])
    assert response.status_code == 200
    feed = check_answer(response)
    assert "été" in "".join(feed.itertext())


def test_latin1_in_plone_search(live_fund):
    response = get(
        f"{live_fund['base']}/@@search", [("SearchableText", b"\xe9t\xe9")], headers=HTML
    )
    assert response.status_code == 200
    check_answer(response)


def test_latin1_on_a_not_found_page(live_fund):
    """The 404 page shows the search box, which reads SearchableText."""
    response = get(
        f"{live_fund['base']}/nulle-part", [("SearchableText", b"\xe9t\xe9")], headers=HTML
    )
    assert response.status_code == 404
    check_answer(response)


def test_suggest_reads_latin1(live_fund):
    response = get(
        f"{live_fund['base']}/@@recherche-suggest",
        [("q", "Appr".encode("latin-1")), ("limit", b"9" * 50)],
    )
    assert response.status_code == 200
    assert response.json()["q"] == "Appr"


@pytest.mark.parametrize(
    "items",
    [
        [("page:int", b"abc")],
        [("year_from:int", b"")],
        [("d:date", b"zz")],
        [("q:ascii", b"\xe9")],
        [("q:utf-16", b"a")],
        [("a", b"1"), ("a.b:record", b"2")],
        [("q:json", b"{")],
    ],
)
def test_zope_converter_errors_are_400_in_french(live_fund, items):
    url = f"{live_fund['base']}/recherche"
    check_bad_request(get(url, items, headers=HTML))
    check_bad_request(get(url, items, headers={"Accept": "application/json"}), json_expected=True)


def test_huge_page_is_an_empty_page(live_fund):
    response = get(
        f"{live_fund['base']}/recherche",
        [("q", b"illettrisme"), ("page", b"2147483648")],
        headers=HTML,
    )
    assert response.status_code == 200
    page = check_answer(response)
    assert page.xpath("//h3[@class='rt-result-title']") == []
    assert "aucun sur cette page" in page.xpath("string(//p[@id='rt-count'])")
    # the page number is capped: Solr's 32-bit start offset stays valid
    assert f"page={MAX_PAGE}" in response.text


@pytest.mark.parametrize("path", ["@@search", "fonds", ""])
@pytest.mark.parametrize(
    "items",
    [[("b_size", b"-5")], [("b_start", b"abc")], [("b_start:int", b"-1")], [("b_size", b"0")]],
)
def test_bad_batching_is_400(live_fund, path, items):
    check_bad_request(get(f"{live_fund['base']}/{path}", items, headers=HTML))


def test_unknown_export_format_is_400_and_not_echoed_as_html(live_fund):
    response = get(
        f"{live_fund['base']}/@@panier-export",
        [("format", b"<b>x</b>")],
        cookies={"rt_panier": live_fund["lire"].UID()},
    )
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Format d'export inconnu" in response.text


def test_basket_form_with_repeated_and_typed_fields(live_fund):
    url = f"{live_fund['base']}/panier"
    response = requests.post(
        url,
        timeout=30,
        allow_redirects=False,
        headers=HTML,
        data=[
            ("basket_action", "email"),
            ("email", "a@b.fr"),
            ("email", "c@d.fr"),
            ("note:record", "x"),
        ],
    )
    assert response.status_code == 400  # the basket is empty: a French form error
    assert "panier est vide" in check_answer(response).text_content()
    response = requests.post(
        url,
        timeout=30,
        allow_redirects=False,
        headers=HTML,
        data=[("basket_action", "add"), ("uid:record", "x"), ("came_from:list", "x")],
    )
    assert response.status_code == 302
