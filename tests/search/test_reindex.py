"""Rebuilding Solr from the ZODB (what scripts/solr-reindex runs), and timings."""

import statistics
import time

import transaction
from plone import api
from plone.app.testing import logout

from rt.infodoc.search.config import core_url
from rt.infodoc.search.engine import search
from rt.infodoc.search.query import SearchQuery
from rt.infodoc.search.reindex import rebuild
from rt.infodoc.search.reindex import solr_uids

from .conftest import clear_solr


def test_rebuild_restores_everything_and_drops_stale_documents(corpus, site):
    import requests

    clear_solr(core_url())
    requests.post(
        f"{core_url()}/update?commit=true",
        timeout=30,
        json=[{"UID": "stale-uid", "Title": "Ancienne notice"}],
    ).raise_for_status()
    assert search(site, SearchQuery(text="illettrisme")).total == 0
    done = rebuild(site, report=lambda message: None)
    assert done["deleted"] == 1
    uids = solr_uids(core_url())
    assert {obj.UID() for obj in corpus.values()} <= uids
    assert "stale-uid" not in uids
    assert search(site, SearchQuery(text="illettrisme")).total == 4


THEMES = ["savoirs-de-base", "education", "sante", "habitat", "jeunesse"]
TYPES = ["ouvrage", "rapport", "etude", "guide-methodologique"]
WORDS = [
    "illettrisme",
    "école",
    "emploi",
    "égalité",
    "quartiers",
    "santé",
    "logement",
    "jeunesse",
    "parentalité",
    "laïcité",
]


def test_index_1000_notices_and_search_latency(site, capsys):
    started = time.monotonic()
    for n in range(1000):
        word = WORDS[n % len(WORDS)]
        obj = api.content.create(
            container=site["fonds"],
            type="Notice",
            id=f"n{n}",
            safe_id=False,
            title=f"Notice {n} sur {word} et {WORDS[(n * 7) % len(WORDS)]}",
            summary=f"Résumé {n} : {word}, territoires et cohésion sociale.",
            year=1990 + n % 35,
            themes=[THEMES[n % 5]],
            document_type=TYPES[n % 4],
            territory=["31" if n % 3 else "34"],
            authors=[{"name": f"Auteur {n % 50}"}],
            items=[{"barcode": f"B{n}", "status": "Empruntable", "site": "toulouse"}],
        )
        api.content.transition(obj=obj, to_state="published")
    created = time.monotonic() - started
    started = time.monotonic()
    transaction.commit()  # catalog + Solr
    committed = time.monotonic() - started
    done = rebuild(site, report=lambda message: None)
    logout()
    latencies = []
    for n in range(40):
        query = SearchQuery(
            text=WORDS[n % len(WORDS)], filters={"themes": [THEMES[n % 5]]} if n % 2 else {}
        )
        started = time.monotonic()
        results = search(site, query)
        latencies.append(time.monotonic() - started)
        assert results.backend == "solr" and results.total > 0
    median = statistics.median(latencies)
    with capsys.disabled():
        print(
            f"\n1000 notices: created in {created:.1f} s, commit (catalog + Solr) "
            f"{committed:.1f} s, Solr rebuild {done['seconds']:.1f} s "
            f"({done['indexed']} objects); search() median {median * 1000:.0f} ms, "
            f"max {max(latencies) * 1000:.0f} ms"
        )
    assert search(site, SearchQuery()).total >= 1000
    assert median < 0.5
