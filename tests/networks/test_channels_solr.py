"""A network's private space on every search channel of the Solr site.

What Solr holds for a space is its ``allowedRolesAndUsers`` (``user$reseau-a``,
never Anonymous nor the old role Adhérent); each channel filters on the reader's
own list, which names their groups. Alice (network A) sees space A; anonymous, a
plain member, an Adhérent and Bruno (network B) do not. The catalog fallback is
read by test_channels.py (the catalog site runs the same code).
"""

import json as json_module

import pytest
import requests
import transaction
from plone import api

from rt.infodoc.search.config import core_url
from rt.infodoc.search.health import HEALTH

from .conftest import DOC_A
from .conftest import OUTSIDERS
from .conftest import PUBLIC
from .conftest import SPACE_A
from .conftest import SPACE_B
from .conftest import base_url
from .conftest import build
from .conftest import get
from .conftest import unescaped


def clear_solr(url):
    requests.post(
        f"{url}/update?commit=true", json={"delete": {"query": "*:*"}}, timeout=60
    ).raise_for_status()


def solr_docs(url, q):
    response = requests.get(f"{url}/select", timeout=30, params={"q": q, "wt": "json"})
    response.raise_for_status()
    return response.json()["response"]["docs"]


# channel -> (path, params, JSON?, shows the public dossier too?)
CHANNELS = {
    "search page": ("recherche", {"q": "confidentiel"}, False, True),
    "rest @recherche": ("@recherche", {"q": "confidentiel"}, True, True),
    "rest @recherche complete": ("@recherche", {"complete": "espace conf"}, True, False),
    "autocompletion": ("@@recherche-suggest", {"q": "Espace confid"}, False, False),
    "rest @search": ("@search", {"SearchableText": "confidentiel"}, True, True),
    "plone search page": ("@@search", {"SearchableText": "confidentiel"}, False, True),
    "rss feed": ("@@recherche-rss", {"q": "confidentiel", "sort": "title"}, False, True),
    "atom feed": ("@@recherche-atom", {"q": "confidentiel", "sort": "title"}, False, True),
}


@pytest.fixture()
def solr_networks(solr_functional):
    portal = solr_functional["portal"]
    HEALTH.forget()
    clear_solr(solr_functional["solr"].url)
    spaces = build(portal)
    yield {"portal": portal, "base": base_url(solr_functional), **spaces}
    HEALTH.forget()


def _text(base, path, params, json, user):
    response = get(f"{base}/{path}", user, json=json, params=params)
    assert response.status_code == 200, (path, user, response.text[:300])
    return unescaped(response.text)


def test_solr_holds_who_may_read_a_space(solr_networks):
    [doc] = solr_docs(core_url(), q=f'UID:"{solr_networks["a"].UID()}"')
    allowed = doc["allowedRolesAndUsers"]
    assert "user$reseau-a" in allowed
    assert not {"Anonymous", "Authenticated", "Member", "Adherent", "user$reseau-b"} & set(allowed)


@pytest.mark.parametrize("channel", sorted(CHANNELS))
def test_channel_on_solr(solr_networks, channel):
    path, params, json, lists_public = CHANNELS[channel]
    base = solr_networks["base"]
    text = _text(base, path, params, json, "alice")
    assert SPACE_A in text and SPACE_B not in text
    if path in ("@search", "@@search"):  # the documents of the space too
        assert DOC_A in text
    if path == "@recherche" and "q" in params:
        assert json_module.loads(text)["backend"] == "solr"  # not the fallback
    for user in OUTSIDERS:
        text = _text(base, path, params, json, user)
        assert SPACE_A not in text and DOC_A not in text and "espace-a" not in text, user
        if lists_public:
            assert PUBLIC in text, user


def test_a_member_added_to_the_network_finds_the_space_with_no_reindexing(solr_networks):
    base = solr_networks["base"]
    params = {"q": "confidentiel"}
    assert SPACE_A not in _text(base, "@recherche", params, True, "bruno")
    api.group.add_user(groupname="reseau-a", username="bruno")
    transaction.commit()
    text = _text(base, "@recherche", params, True, "bruno")
    assert SPACE_A in text and json_module.loads(text)["backend"] == "solr"
