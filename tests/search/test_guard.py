"""The search guard: after an outage, no channel serves what Solr should have
forgotten, and a query Solr refuses does not send every reader to the catalog.

Solr is stopped for real; a Notice is retracted and another deleted meanwhile;
Solr is started again, still holding both; then the very first request, on each
channel in turn, is made by an anonymous reader over HTTP.
"""

import pytest
import requests
import transaction
from plone import api

from rt.infodoc.search.catchup import pending
from rt.infodoc.search.catchup import pending_count
from rt.infodoc.search.config import core_url
from rt.infodoc.search.health import HEALTH

from .conftest import solr_docs

RETRACTED = "Lutter contre l'illettrisme"
DELETED = "Illettrisme : guide pour agir en Occitanie"
STILL_PUBLIC = "Les adultes illettrés face à l'emploi"

CHANNELS = {
    "rest @search": ("@search", {"SearchableText": "illettrisme"}, True),
    "rest @recherche": ("@recherche", {"q": "illettrisme"}, True),
    "rest @recherche complete": ("@recherche", {"complete": "illettr"}, False),
    "autocompletion": ("@@recherche-suggest", {"q": "illettr"}, False),
    "search page": ("recherche", {"q": "illettrisme"}, True),
    "rss feed": ("@@recherche-rss", {"q": "illettrisme"}, True),
    "atom feed": ("@@recherche-atom", {"q": "illettrisme"}, True),
    "plone search page": ("@@search", {"SearchableText": "illettrisme"}, True),
}


def _base(solr_functional):
    return f"http://{solr_functional['host']}:{solr_functional['port']}/plone"


def _fetch(solr_functional, path, params):
    headers = (
        {"Accept": "application/json"} if path.startswith("@") and not path.startswith("@@") else {}
    )
    response = requests.get(
        f"{_base(solr_functional)}/{path}", params=params, headers=headers, timeout=30
    )
    assert response.status_code == 200, response.text[:500]
    return response.text


def _unescaped(text):
    return text.replace("&#x27;", "'").replace("&#39;", "'").replace("\\u00e9", "é")


@pytest.mark.parametrize("channel", sorted(CHANNELS))
def test_first_request_after_an_outage_never_shows_retracted_or_deleted(
    channel, solr_down, site, corpus, solr_functional
):
    retracted, deleted = corpus["illettrisme-agir"], corpus["illettrisme-guide"]
    stale_uids = [retracted.UID(), deleted.UID()]
    api.content.transition(obj=retracted, to_state="private")
    api.content.delete(obj=deleted)
    transaction.commit()
    assert set(stale_uids) <= set(pending(site))  # remembered for the catch-up

    solr_down.start()
    HEALTH.forget()
    for uid in stale_uids:  # Solr itself still holds both, as published
        assert [doc["UID"] for doc in solr_docs(core_url(), q=f'UID:"{uid}"')] == [uid]

    path, params, lists_documents = CHANNELS[channel]
    text = _unescaped(_fetch(solr_functional, path, params))
    assert RETRACTED not in text and "illettrisme-agir" not in text
    assert DELETED not in text and "illettrisme-guide" not in text
    if lists_documents:  # the channel works: the public Notice is there
        assert STILL_PUBLIC in text or "adultes-illettres" in text
    transaction.begin()
    assert pending_count(site) == 0  # replayed by that first request
    assert solr_docs(core_url(), q=f'UID:"{stale_uids[1]}"') == []


def test_a_query_solr_refuses_leaves_the_next_reader_on_solr(site, corpus, solr_functional):
    HEALTH.forget()
    # collective.solr sends year=abc as +year:abc: Solr answers 400 "Invalid Number"
    assert (
        requests.get(f"{core_url()}/select", params={"q": "year:abc"}, timeout=30).status_code
        == 400
    )
    refused = requests.get(
        f"{_base(solr_functional)}/@search",
        params={"SearchableText": "illettrisme", "year": "abc"},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    assert refused.status_code < 500
    after = requests.get(
        f"{_base(solr_functional)}/@recherche",
        params={"q": "illettrisme"},
        headers={"Accept": "application/json"},
        timeout=30,
    ).json()
    assert after["backend"] == "solr" and after["degraded_notice"] is None
    assert STILL_PUBLIC in [item["title"] for item in after["items"]]


def test_the_engine_answers_a_refused_search_with_a_french_notice(site, corpus, monkeypatch):
    from rt.infodoc.search import solr_params
    from rt.infodoc.search.engine import search
    from rt.infodoc.search.query import SearchQuery
    from rt.infodoc.search.results import REJECTED_NOTICE

    HEALTH.forget()
    real = solr_params.search_params
    monkeypatch.setattr(
        solr_params, "search_params", lambda *a, **kw: real(*a, **kw) + [("fq", "year:abc")]
    )
    refused = search(site, SearchQuery(text="illettrisme"))
    assert refused.backend == "solr" and refused.total == 0
    assert refused.error_notice == REJECTED_NOTICE and refused.degraded_notice is None
    monkeypatch.setattr(solr_params, "search_params", real)
    after = search(site, SearchQuery(text="illettrisme"))
    assert after.backend == "solr" and STILL_PUBLIC in [item.title for item in after.items]
