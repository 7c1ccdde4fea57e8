"""Upgrade 20261206030 -> 20261206040: authors and speakers stored by earlier
versions (JSON text, French words where codes are now expected) become the rows
the edit forms and the REST API know; the grid's profile and CSS are installed."""

import json

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.base.interfaces import IBundleRegistry
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

PROFILE = "rt.infodoc:default"

OLD_AUTHORS = [  # what the JSON form's help text led to type
    {"name": "Dupont, Marie", "role": "Auteur", "kind": "person"},
    {"name": "Ville de Toulouse", "role": "Directeur de publication", "kind": "corporate"},
    {"name": "Martin, Paul", "role": "Auteur"},
    {"name": "", "role": "Auteur"},
]
IMPORTED = [  # what the importer wrote: left as it is
    {"name": "Lahire, Bernard", "role": "main", "kind": "person", "function": "070"},
    {"name": "Smith, John", "role": "coauthor", "kind": "person"},
]


def _site_of_the_previous_version(portal, setup_tool):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    typed = api.content.create(container=portal["fonds"], type="Notice", id="a", title="A")
    typed.authors = [dict(a) for a in OLD_AUTHORS]
    text = api.content.create(container=portal["fonds"], type="Notice", id="b", title="B")
    text.authors = json.dumps([{"name": "Ampère, André-Marie", "role": "Traducteur"}])
    imported = api.content.create(container=portal["fonds"], type="Notice", id="c", title="C")
    imported.authors = [dict(a) for a in IMPORTED]
    session = api.content.create(container=portal["conf-at"], type="ConfAt", id="s", title="S")
    session.speakers = '[{"name": "Hervé Adami", "title": "Maître de conférences"}]'
    other = api.content.create(container=portal["conf-at"], type="ConfAt", id="t", title="T")
    other.speakers = [{"name": "Martin, Claire", "role": "Intervenante"}, {"title": "?"}]
    for obj in (typed, text, imported, session, other):
        obj.reindexObject()
    registry = getUtility(IRegistry)
    del registry.records["plone.bundles/rt-infodoc-rows.csscompilation"]
    for name in list(registry.records.keys()):
        if name.startswith("plone.bundles/rt-infodoc-rows."):
            del registry.records[name]
    setup_tool.setLastVersionForProfile(PROFILE, "20261206030")
    return typed, text, imported, session, other


def test_old_rows_become_rows_of_codes(portal, setup_tool):
    typed, text, imported, session, other = _site_of_the_previous_version(portal, setup_tool)
    imported_before = imported.authors

    setup_tool.upgradeProfile(PROFILE, dest="20261206040")

    assert setup_tool.getLastVersionForProfile(PROFILE) == ("20261206040",)
    assert typed.authors == [
        {"name": "Dupont, Marie", "kind": "person", "function": "070", "role": "main"},
        {"name": "Ville de Toulouse", "kind": "corporate", "function": "651", "role": "secondary"},
        {"name": "Martin, Paul", "kind": "person", "function": "070", "role": "coauthor"},
    ]
    assert text.authors == [
        {"name": "Ampère, André-Marie", "kind": "person", "function": "730", "role": "secondary"}
    ]
    assert imported.authors is imported_before  # nothing to rewrite
    assert session.speakers == [
        {"name": "Hervé Adami", "title": "Maître de conférences", "affiliation": None}
    ]
    assert other.speakers == [
        {"name": "Martin, Claire", "title": "Intervenante", "affiliation": None}
    ]
    catalog = api.portal.get_tool("portal_catalog")
    assert [b.getId for b in catalog(authors="Hervé Adami")] == ["s"]

    registry = getUtility(IRegistry)
    bundles = registry.collectionOfInterface(IBundleRegistry, prefix="plone.bundles", check=False)
    assert bundles["rt-infodoc-rows"].csscompilation.endswith("/rows.css")
    assert bundles["datagridfield-bundle"].expression == "python: member is not None"
    assert setup_tool.getLastVersionForProfile("collective.z3cform.datagridfield:default") != (
        "unknown"
    )


def test_the_step_can_run_twice(portal, setup_tool):
    typed, *_rest = _site_of_the_previous_version(portal, setup_tool)
    setup_tool.upgradeProfile(PROFILE, dest="20261206040")
    first = typed.authors
    setup_tool.setLastVersionForProfile(PROFILE, "20261206030")
    setup_tool.upgradeProfile(PROFILE, dest="20261206040")
    assert typed.authors is first
