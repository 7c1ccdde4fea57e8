"""GET <site>/@recherche: the engine's results, facets and permissions as JSON."""

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.search.health import HEALTH
from rt.infodoc.services.server_timing import parse

NOTICES = [
    (
        "agir",
        "Lutter contre l'illettrisme",
        "rapport",
        ["savoirs-de-base"],
        "published",
        ["978-2-07-036822-8"],
    ),
    (
        "adultes",
        "Les adultes illettrés face à l'emploi",
        "etude",
        ["savoirs-de-base", "emploi-insertion"],
        "published",
        [],
    ),
    (
        "egalite",
        "Égalité femmes-hommes dans les quartiers",
        "rapport",
        ["egalite-femmes-hommes"],
        "published",
        [],
    ),
    ("interne", "Note interne sur l'illettrisme", "rapport", ["savoirs-de-base"], "members", []),
]
MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


@pytest.fixture()
def base(solr_functional):
    portal = solr_functional["portal"]
    solr = solr_functional["solr"]
    HEALTH.forget()
    requests.post(
        f"{solr.url}/update?commit=true", json={"delete": {"query": "*:*"}}, timeout=60
    ).raise_for_status()
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for notice_id, title, document_type, themes, state, isbn in NOTICES:
        obj = api.content.create(
            container=portal["fonds"],
            type="Notice",
            id=notice_id,
            title=title,
            document_type=document_type,
            themes=themes,
            isbn=isbn,
            year=2015,
        )
        api.content.transition(obj=obj, to_state=state)
    transaction.commit()
    return f"http://{solr_functional['host']}:{solr_functional['port']}/plone"


def get(base, params, auth=None):
    response = requests.get(
        f"{base}/@recherche",
        params=params,
        auth=auth,
        timeout=30,
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200, response.text
    return response.json()


def titles(data):
    return {item["title"] for item in data["items"]}


def test_french_search_over_http(base):
    data = get(base, {"q": "illettrés"})
    assert data["backend"] == "solr" and data["degraded_notice"] is None
    assert titles(data) == {"Lutter contre l'illettrisme", "Les adultes illettrés face à l'emploi"}
    assert data["items_total"] == 2
    assert titles(get(base, {"q": "egalite femmes hommes"})) == {
        "Égalité femmes-hommes dans les quartiers"
    }
    assert titles(get(base, {"q": "9782070368228"})) == {"Lutter contre l'illettrisme"}
    assert titles(get(base, {"isbn": "978-2-07-036822-8"})) == {"Lutter contre l'illettrisme"}


def test_facets_and_permalink_over_http(base):
    params = [
        ("q", "illettrisme"),
        ("f.themes", "savoirs-de-base"),
        ("f.document_type", "rapport"),
        ("f.document_type", "etude"),
    ]
    data = get(base, params)
    assert data["query"] == [list(p) for p in params]
    assert data["@id"].endswith(
        "/@recherche?q=illettrisme&f.themes=savoirs-de-base"
        "&f.document_type=rapport&f.document_type=etude"
    )
    facets = {f["name"]: {v["value"]: v for v in f["values"]} for f in data["facets"]}
    assert facets["document_type"]["rapport"]["count"] == 1
    assert facets["document_type"]["etude"]["selected"] is True
    assert facets["themes"]["savoirs-de-base"]["title"]
    for name, values in facets.items():
        for value, facet_value in values.items():
            narrowed = [p for p in params if p[0] != f"f.{name}"] + [(f"f.{name}", value)]
            assert get(base, narrowed)["items_total"] == facet_value["count"], (name, value)


def test_anonymous_never_gets_members_content_over_http(base):
    assert "Note interne sur l'illettrisme" not in titles(get(base, {"q": "illettrisme"}))
    assert "Note interne sur l'illettrisme" in titles(get(base, {"q": "illettrisme"}, auth=MANAGER))
    completions = get(base, {"complete": "note"})["suggestions"]
    assert completions == []
    assert get(base, {"complete": "note"}, auth=MANAGER)["suggestions"] == [
        "Note interne sur l'illettrisme"
    ]


def test_bad_parameters_do_not_fail(base):
    data = get(base, {"page": "abc", "sort": "n'importe", "year_from": "x", "q": "((("})
    assert data["page"] == 1 and isinstance(data["items"], list)


def test_search_answers_say_what_the_server_spent(base):
    response = requests.get(
        f"{base}/@recherche",
        params={"q": "illettrisme"},
        timeout=30,
        headers={"Accept": "application/json"},
    )
    timing = parse(response.headers["Server-Timing"])
    assert 0 < timing["solr"] < timing["zope"]
    assert timing["queue"] >= 0  # waitress: the wait for a thread before Zope
    # the thread's processor time: some, never more than its wall time (+ rounding)
    assert 0 < timing["cpu"] <= timing["zope"] + 0.1
    page = requests.get(f"{base}/recherche", params={"q": "illettrisme"}, timeout=30)
    assert page.status_code == 200 and "Lutter contre l" in page.text
    assert 0 < parse(page.headers["Server-Timing"])["solr"]
    # a page that is not a search (the fund's folder itself now redirects to /recherche)
    assert "Server-Timing" not in requests.get(f"{base}/fonds/listing_view", timeout=30).headers
