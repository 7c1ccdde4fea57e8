"""The search box's syntax on the catalog fallback (collective.solr off): the same
meaning as with Solr (syntax_cases.py), in ZCTextIndex's own syntax."""

import pytest
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.search.engine import search
from rt.infodoc.search.query import SearchQuery

from .conftest import NOTICES
from .syntax_cases import ALL
from .syntax_cases import CASES


@pytest.fixture()
def catalog_site(integration):
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    for notice_id, fields in NOTICES.items():
        api.content.create(container=portal["fonds"], type="Notice", id=notice_id, **fields)
    return portal


def found(site, text):
    results = search(site, SearchQuery(text=text))
    assert results.backend == "catalog", text
    return {item.url.rsplit("/", 1)[-1] for item in results.items} & ALL


def test_the_syntax_on_the_catalog(catalog_site):
    wrong = {text: (found(catalog_site, text), expected) for text, expected in CASES}
    wrong = {text: pair for text, pair in wrong.items() if pair[0] != pair[1]}
    assert not wrong, wrong


def test_only_exclusions_with_a_facet_and_an_author(catalog_site):
    query = SearchQuery(text="-Occitanie", author="Dupont", filters={"document_type": ["etude"]})
    results = search(catalog_site, query)
    assert [i.url.rsplit("/", 1)[-1] for i in results.items] == ["adultes-illettres"]
    assert results.total == 1


def test_snippets_mark_only_the_words_looked_for(catalog_site):
    results = search(catalog_site, SearchQuery(text="illettrisme -adultes"))
    snippets = " ".join(item.snippet for item in results.items)
    assert "<mark>adultes" not in snippets.lower()
