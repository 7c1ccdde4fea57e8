"""The configset as collective.solr 10.1.1 sees it: its own connection code, no Plone site.

collective.solr reads the registry for its settings, so a bare plone.registry with
the ISolrSchema records is provided in a pushed component registry (popped
afterwards), filled with the values of collective.solr's own default profile.
"""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytestmark = pytest.mark.solr


def profile_value(key):
    """A value of collective.solr's profiles/default/registry.xml, as a site gets it."""
    import collective.solr

    tree = ET.parse(Path(collective.solr.__file__).parent / "profiles/default/registry.xml")
    (value,) = [v for v in tree.iter("value") if v.get("key") == key]
    return " ".join(value.text.split())


@pytest.fixture(scope="module")
def solr_config():
    import plone.registry
    import zope.component
    from collective.solr.interfaces import ISolrSchema
    from plone.registry import Registry
    from plone.registry.interfaces import IRegistry
    from plone.testing import zca
    from zope.configuration import xmlconfig

    zca.pushGlobalRegistry()
    try:
        context = xmlconfig.file("meta.zcml", zope.component)
        xmlconfig.file("configure.zcml", plone.registry, context=context)
        registry = Registry()
        registry.registerInterface(ISolrSchema, prefix="collective.solr")
        zope.component.provideUtility(registry, IRegistry)
        config = registry.forInterface(ISolrSchema, prefix="collective.solr")
        config.search_pattern = profile_value("search_pattern")
        yield config
    finally:
        zca.popGlobalRegistry()


@pytest.fixture
def connection(solr, solr_config):
    from collective.solr.solr import SolrConnection

    conn = SolrConnection(host=f"127.0.0.1:{solr.port}", solrBase="/solr/plone")
    yield conn
    conn.close()


def search(connection, query, **params):
    from collective.solr.parser import SolrResponse

    response = SolrResponse(connection.search(q=query, wt="xml", **{"q.op": "AND", **params}))
    return response.results()


def test_schema_as_collective_solr_parses_it(connection):
    schema = connection.get_schema()
    assert schema.uniqueKey == "UID"
    assert schema.requiredFields == ["UID"]
    for name in ("SearchableText", "Title", "Description", "summary"):
        assert schema[name].class_ == "solr.TextField"
    for name in ("created", "modified", "effective", "expires", "start", "end"):
        assert schema[name].class_ == "solr.DatePointField"
    assert schema["year"].class_ == "solr.IntPointField"
    assert schema["getIcon"].class_ == "solr.BoolField"
    for name in ("themes", "authors", "isbn", "allowedRolesAndUsers", "path_parents"):
        assert schema[name].multiValued is True and schema[name].stored is True
    # copyField destinations are not stored: atomic updates must not duplicate them
    for name in ("text_fr", "title_fr", "text_exact", "spell", "isbn_norm"):
        assert schema[name].stored is False


def test_atomic_update_keeps_the_rest_of_the_notice(solr, connection):
    solr.clear()
    connection.add(
        UID="n1",
        Title="Lutter contre l'illettrisme",
        review_state="private",
        SearchableText="Lutter contre l'illettrisme en Occitanie",
        themes=["savoirs-de-base"],
        year=2020,
        getIcon=False,
        created="2020-01-02T00:00:00.000Z",
        allowedRolesAndUsers=["Manager"],
    )
    connection.commit()
    # a partial reindex sends only some fields, each with update="set"
    connection.add(UID="n1", review_state="published", allowedRolesAndUsers=["Anonymous"])
    connection.commit()
    results = search(connection, "+illettrés +review_state:published")
    assert int(results.numFound) == 1
    doc = results[0]
    assert doc["Title"] == "Lutter contre l'illettrisme"
    assert doc["themes"] == ["savoirs-de-base"] and doc["year"] == 2020
    assert doc["getIcon"] is False
    assert doc["allowedRolesAndUsers"] == ["Anonymous"]


def test_default_search_pattern_with_french_words(solr, connection, solr_config, corpus):
    """Simple searches go through collective.solr's default search_pattern."""
    from collective.solr.mangler import mangleSearchableText

    for words, expected in [
        ("illettrés", {"guide-illettrisme", "adultes-illettres", "prevenir-illettrisme"}),
        ("egalite femmes hommes", {"egalite"}),
        ("Ecole", {"ecole-accent", "ecole-sans-accent", "prevenir-illettrisme"}),
    ]:
        (literal,) = mangleSearchableText(words, solr_config)  # a one-item set
        found = search(connection, literal, fq="allowedRolesAndUsers:Anonymous", rows=50)
        assert {doc["UID"] for doc in found} == expected, literal


def test_non_simple_search_on_searchable_text(solr, connection, corpus):
    """Words with an apostrophe or a hyphen are quoted into SearchableText:(...)."""
    from collective.solr.queryparser import quote

    for words, expected in [
        ("l'école", {"ecole-accent", "ecole-sans-accent", "prevenir-illettrisme"}),
        ("femmes-hommes", {"egalite"}),
    ]:
        query = f"+SearchableText:({quote(words, textfield=True)})"
        found = search(connection, query, fq="allowedRolesAndUsers:Anonymous", rows=50)
        assert {doc["UID"] for doc in found} == expected, query
