"""The REST services against hostile input (issue #10): JSON, and no 500.

Property-based (profile tests/bad_input.py) on @recherche (search and
``complete=``), plone.restapi's @search and its other public GET endpoints, then
the reported cases.
test_bad_input_solr.py runs @recherche again where Solr answers.
"""

import pytest
import transaction
from bad_input import BAD_INPUT
from bad_input import check_answer
from bad_input import check_bad_request
from bad_input import get
from bad_input import pairs
from hypothesis import given
from hypothesis import strategies as st
from live_sites import french_site
from live_sites import make_notice
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.search.query import FACETS
from rt.infodoc.search.query import MAX_PAGE

JSON = {"Accept": "application/json"}
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
    "complete",
    "limit",
    *(f"f.{name}" for name in FACETS[:4]),
]
PLONE_SEARCH_PARAMS = [
    "SearchableText",
    "b_start",
    "b_size",
    "sort_on",
    "sort_order",
    "portal_type",
    "Subject",
    "path.depth",
    "created.query",
    "created.range",
    "metadata_fields",
    "fullobjects",
    "use_site_search_settings",
]


def publish_records(layer):
    portal = layer["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    records = {
        "lire": make_notice(
            portal["fonds"],
            "apprendre-a-lire",
            "Apprendre à lire aux adultes",
            document_type="guide-methodologique",
            year=2012,
            themes=["savoirs-de-base"],
            descriptors=["Illettrisme"],
        ),
        "ete": make_notice(
            portal["fonds"],
            "universite-d-ete",
            "Université d'été de l'illettrisme",
            document_type="rapport",
            year=2019,
            themes=["savoirs-de-base"],
        ),
    }
    transaction.commit()
    return {"records": records, "base": f"http://{layer['host']}:{layer['port']}/plone"}


@pytest.fixture()
def site(functional):
    return publish_records(functional)


@BAD_INPUT
@given(items=pairs(SEARCH_PARAMS))
def test_recherche_service(site, items):
    response = get(f"{site['base']}/@recherche", items, headers=JSON)
    data = check_answer(response)
    assert response.headers["Content-Type"].startswith("application/json")
    if response.status_code == 200 and "items" in data:
        assert 1 <= data["page"] <= MAX_PAGE


@BAD_INPUT
@given(items=pairs(PLONE_SEARCH_PARAMS))
def test_plone_search_service(site, items):
    response = get(f"{site['base']}/@search", items, headers=JSON)
    check_answer(response)
    assert response.headers["Content-Type"].startswith("application/json")


REST_ENDPOINTS = {
    "": ["expand", "fullobjects", "include_items", "b_start", "b_size"],
    "@navigation": ["expand.navigation.depth"],
    "@contextnavigation": [
        f"expand.contextnavigation.{name}"
        for name in (
            "topLevel",
            "bottomLevel",
            "includeTop",
            "currentFolderOnly",
            "root_path",
            "name",
            "no_icons",
            "thumb_scale",
            "no_thumbs",
        )
    ],
    "@breadcrumbs": ["expand"],
    "@querystring-search": ["b_start", "b_size", "limit", "sort_on", "sort_order", "fullobjects"],
    "fonds": ["b_start", "b_size", "expand", "metadata_fields"],
}


@BAD_INPUT
@given(endpoint=st.sampled_from(sorted(REST_ENDPOINTS)), data=st.data())
def test_plone_rest_endpoints(site, endpoint, data):
    items = data.draw(pairs(REST_ENDPOINTS[endpoint]))
    response = get(f"{site['base']}/{endpoint}", items, headers=JSON)
    check_answer(response)
    assert response.headers["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    "items",
    [
        [("expand.contextnavigation.topLevel", b"")],
        [("expand.contextnavigation.topLevel", b"1"), ("expand.contextnavigation.topLevel", b"2")],
        [("expand.contextnavigation.bottomLevel", b"abc")],
    ],
)
def test_contextnavigation_refuses_bad_options(site, items):
    check_bad_request(
        get(f"{site['base']}/@contextnavigation", items, headers=JSON), json_expected=True
    )
    check_bad_request(
        get(f"{site['base']}/", [("expand", b"contextnavigation"), *items], headers=JSON),
        json_expected=True,
    )


@pytest.mark.parametrize("name", ["q", "complete", "title", "f.themes"])
def test_latin1_values(site, name):
    response = get(f"{site['base']}/@recherche", [(name, b"\xe9t\xe9")], headers=JSON)
    assert response.status_code == 200, response.text[:500]
    assert "\\udc" not in response.text


def test_latin1_text_finds_the_record(site):
    data = get(
        f"{site['base']}/@recherche", [("q", "Université d'été".encode("latin-1"))], headers=JSON
    ).json()
    assert data["items_total"] == 1
    assert ["q", "Université d'été"] in data["query"]
    data = get(f"{site['base']}/@recherche", [("complete", b"Univ")], headers=JSON).json()
    assert "complete=Univ" in data["@id"]


def test_huge_page_is_an_empty_page(site):
    data = get(
        f"{site['base']}/@recherche", [("q", b"illettrisme"), ("page", b"2147483648")], headers=JSON
    ).json()
    assert data["page"] == MAX_PAGE and data["items"] == [] and data["items_total"] == 2
    assert "next" not in data


@pytest.mark.parametrize(
    "items",
    [
        [("b_size", b"-5")],
        [("b_size", b"abc")],
        [("b_start", b"-1")],
        [("b_start", b"x")],
        [("b_size", b"0")],
        [("b_start", b"9" * 40)],
        [("path.depth", b"abc")],
        [("created.query", b"abc"), ("created.range", b"min")],
        [("page:int", b"abc")],
    ],
)
def test_plone_search_service_refuses_bad_values(site, items):
    check_bad_request(get(f"{site['base']}/@search", items, headers=JSON), json_expected=True)


def test_recherche_service_refuses_zope_converter_errors(site):
    check_bad_request(
        get(f"{site['base']}/@recherche", [("page:int", b"abc")], headers=JSON), json_expected=True
    )
