"""Helpers for tests that serve a test layer's site over HTTP: content made through
plone.api and committed, and the Solr layer's own Solr emptied, filled and waited for.

Shared by tests/browser (pages fetched with requests) and tests/e2e (Chromium).
"""

import re
import time

import pytest
import requests
from plone import api

from rt.infodoc.search.health import HEALTH


def make_notice(container, id, title, state="published", **fields):
    notice = api.content.create(container=container, type="Notice", id=id, title=title, **fields)
    if state:
        api.content.transition(obj=notice, to_state=state)
    return notice


def french_site():
    """The test layers' site speaks English; the real site is created in French."""
    api.portal.set_registry_record("plone.available_languages", ["fr"])
    api.portal.set_registry_record("plone.default_language", "fr")


def empty_solr(core_url):
    """The layer's Solr outlives each test's ZODB: start every test from an empty core."""
    requests.post(
        f"{core_url}/update",
        params={"commit": "true"},
        json={"delete": {"query": "*:*"}},
        timeout=60,
    ).raise_for_status()


def _solr_finds(core_url, objects):
    response = requests.get(
        f"{core_url}/select",
        timeout=30,
        params={
            "q": "UID:(" + " OR ".join(obj.UID() for obj in objects) + ")",
            "rows": 0,
            "wt": "json",
        },
    )
    response.raise_for_status()
    return response.json()["response"]["numFound"]


def _suggester_knows(core_url, title):
    word = max(re.findall(r"\w+", title), key=len)
    response = requests.get(
        f"{core_url}/suggest",
        timeout=30,
        params={"suggest.q": word, "suggest.count": 100, "wt": "json"},
    )
    response.raise_for_status()
    suggestions = response.json()["suggest"]["titles"][word]["suggestions"]
    return title in {s["term"] for s in suggestions}


def wait_until_indexed(core_url, objects, timeout=60):
    """Wait until Solr finds every object by its UID (collective.solr sends them at
    the transaction's commit) and its title suggester knows their titles."""
    objects = list(objects)
    deadline = time.monotonic() + timeout
    found = known = None
    while time.monotonic() < deadline:
        found = _solr_finds(core_url, objects)
        known = [obj.Title() for obj in objects if _suggester_knows(core_url, obj.Title())]
        if found == len(objects) and len(known) == len(objects):
            return
        time.sleep(0.2)
    pytest.fail(
        f"Solr ({core_url}) did not index the fund in {timeout} s: {found} of "
        f"{len(objects)} records found, titles suggested: {known}"
    )


def indexed_in_solr(layer, publish):
    """Empty the layer's Solr, publish content with `publish(layer)` (it commits) and
    wait until Solr has it all; returns what `publish` returned, with the Solr."""
    solr = layer["solr"]
    HEALTH.forget()
    empty_solr(solr.url)
    fund = publish(layer)
    wait_until_indexed(solr.url, fund["records"].values())
    fund["solr"] = solr
    return fund


def search_backend(base):
    """Who answers the portal's search now, as @recherche says ("solr" or "catalog")."""
    response = requests.get(
        f"{base}/@recherche",
        params={"q": "illettrisme"},
        headers={"Accept": "application/json"},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["backend"]
