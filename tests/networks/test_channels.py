"""A network's private space on every channel of the catalog site.

Alice (network A) sees space A and its document; an anonymous reader, a plain
member, a member with the old site-wide role Adhérent and Bruno (network B) see
neither. The search channels run here on the catalog (collective.solr off): the
same code is the fallback when Solr is down; test_channels_solr.py reads Solr.
Alice is always asked first, so a page shell kept for anonymous readers after her
request would show up in theirs.
"""

import gzip
import io

import transaction
from lxml import etree
from plone import api

from .conftest import DOC_A
from .conftest import DOC_B
from .conftest import OUTSIDERS
from .conftest import PUBLIC
from .conftest import SPACE_A
from .conftest import SPACE_B
from .conftest import get
from .conftest import unescaped


def _text(networks, path, user, json=False, **params):
    response = get(f"{networks['base']}/{path}", user, json=json, params=params)
    assert response.status_code < 500, response.text[:300]
    return response.status_code, unescaped(response.text)


def _check(networks, path, json=False, documents=True, public=True, **params):
    """Alice sees A (and not B); outsiders see nothing of A."""
    status, text = _text(networks, path, "alice", json=json, **params)
    assert status == 200, (path, status)
    assert SPACE_A in text or not documents and DOC_A in text
    if documents:
        assert DOC_A in text
    assert SPACE_B not in text and DOC_B not in text
    for user in OUTSIDERS:
        status, text = _text(networks, path, user, json=json, **params)
        assert SPACE_A not in text and DOC_A not in text, (path, user)
        assert "espace-a" not in text, (path, user)
        if public:
            assert status == 200 and PUBLIC in text, (path, user)


def test_page(networks):
    for path, title in (
        ("dossiers/espace-a", SPACE_A),
        ("dossiers/espace-a/compte-rendu-a", DOC_A),
    ):
        status, text = _text(networks, path, "alice")
        assert status == 200 and title in text
        for user in OUTSIDERS:
            status, text = _text(networks, path, user)
            assert status in (302, 401, 403, 404), (path, user, status)
            assert title not in text


def test_listing(networks):
    _check(networks, "dossiers", documents=False)
    status, text = _text(networks, "dossiers/espace-a/@@folder_contents", "bruno")
    assert status in (302, 401, 403) and DOC_A not in text


def test_navigation(networks):
    """Dossiers and pages shown in the navigation (they are not by default), three
    levels deep: the global navigation, REST @navigation and @contextnavigation."""
    api.portal.set_registry_record("plone.navigation_depth", 3)
    shown = api.portal.get_registry_record("plone.displayed_types")
    api.portal.set_registry_record(
        "plone.displayed_types", (*shown, "DossierThematique", "Document")
    )
    transaction.commit()
    _check(networks, "")
    _check(networks, "@navigation", json=True, **{"expand.navigation.depth": 3})
    _check(networks, "dossiers/public/@contextnavigation", json=True, documents=False)


def test_search_page_on_the_catalog(networks):
    _check(networks, "recherche", documents=False, q="confidentiel")


def test_plone_search_page(networks):
    _check(networks, "@@search", SearchableText="confidentiel")


def test_suggestions_and_autocompletion(networks):
    _check(networks, "@@recherche-suggest", documents=False, q="Espace confid", public=False)
    _check(networks, "@recherche", json=True, documents=False, public=False, complete="espace conf")


def test_feeds(networks):
    # sorted by title: the default sort (by year) leaves out what has no year
    _check(networks, "@@recherche-rss", documents=False, q="confidentiel", sort="title")
    _check(networks, "@@recherche-atom", documents=False, q="confidentiel", sort="title")


def test_rest_search(networks):
    _check(networks, "@search", json=True, SearchableText="confidentiel")


def test_rest_content(networks):
    for path in ("dossiers/espace-a", "dossiers/espace-a/compte-rendu-a"):
        assert get(f"{networks['base']}/{path}", "alice", json=True).status_code == 200
        for user in OUTSIDERS:
            assert get(f"{networks['base']}/{path}", user, json=True).status_code in (401, 403)
    _check(networks, "dossiers", json=True, documents=False)


def test_rest_recherche(networks):
    _check(networks, "@recherche", json=True, documents=False, q="confidentiel")


def test_oai_never_exports_a_network_space(networks):
    for user, verb in (  # not even to a member of the network
        ("alice", "ListRecords"),
        ("alice", "ListIdentifiers"),
        *((user, "ListRecords") for user in OUTSIDERS),
    ):
        response = get(
            f"{networks['base']}/oai", user, params={"verb": verb, "metadataPrefix": "oai_dc"}
        )
        assert response.status_code == 200
        text = unescaped(response.text)
        assert SPACE_A not in text and "espace-a" not in text and DOC_A not in text
        uid_a = networks["a"].UID()
        assert uid_a not in text
    assert networks["public"].UID() in text  # the channel works: the public dossier is there
    for uid, present in ((networks["a"].UID(), False), (networks["public"].UID(), True)):
        response = get(
            f"{networks['base']}/oai",
            "alice",
            params={
                "verb": "GetRecord",
                "metadataPrefix": "oai_dc",
                "identifier": f"oai:rt-infodoc:{uid}",
            },
        )
        assert ('code="idDoesNotExist"' not in response.text) is present


def test_sitemap(networks):
    api.portal.set_registry_record("plone.enable_sitemap", True)
    transaction.commit()
    for user in OUTSIDERS:
        urls = []
        for params in ({}, {"page": 1}):  # the index, then its page
            response = get(f"{networks['base']}/sitemap.xml.gz", user, params=params)
            assert response.status_code == 200
            xml = gzip.GzipFile(fileobj=io.BytesIO(response.content)).read()
            urls += etree.fromstring(xml).xpath("//*[local-name()='loc']/text()")
        assert any(url.endswith("/dossiers/public") for url in urls), user
        assert not any("espace-a" in url for url in urls), user
        assert user == "bruno" or not any("espace-b" in url for url in urls), user
