"""The bulk writer's IndexValues give what plone.indexer's wrapper gives, name by name."""

import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.indexer.wrapper import IndexableObjectWrapper
from Products.CMFCore.indexing import processQueue

from rt.infodoc.search.bulk.values import IndexValues
from rt.infodoc.search.bulk.values import Lookups
from rt.infodoc.search.bulk.values import catalog_batch

# Names no catalog column uses but Solr's schema or a query may ask for: fields the
# Notice does not store (schema defaults), names only the parents have (acquired:
# refused), private names, a Python Script found by acquisition (the one acquired
# value Plone accepts).
EXTRA = (
    "subtitle",
    "ean",
    "collection",
    "urls",
    "items",
    "themes",
    "exclude_from_nav",
    "portal_catalog",
    "fonds",
    "showinsearch",
    "searchwords",
    "_version_",
    "language",
    "Language",
    "meta_type",
    "rt_test_script",
    "no_such_name",
)


def _plone(wrapper, name):
    try:
        value = getattr(wrapper, name)
        return value() if callable(value) else value
    except AttributeError:
        return "<absent>"


def _ours(values, name):
    try:
        value = getattr(values, name)
        return value() if callable(value) else value  # getPhysicalPath, for the path index
    except AttributeError:
        return "<absent>"


def _names(catalog):
    inner = catalog._catalog
    names = set(inner.schema.keys())
    for index in inner.indexes.values():
        names.update(index.getIndexSourceNames())
    return sorted(names) + list(EXTRA)


@pytest.fixture()
def notices(portal, app):
    login(app, SITE_OWNER_NAME)
    portal.manage_addProduct["PythonScripts"].manage_addPythonScript("rt_test_script")
    portal.rt_test_script.write("return 'valeur du script'")
    fonds = portal["fonds"]
    full = api.content.create(
        container=fonds,
        type="Notice",
        id="n1",
        title="Illettrisme et territoires",
        subtitle="Actes",
        isbn=["2-11-004356-1"],
        authors=[{"name": "Martin, Anne"}],
        descriptors=["illettrisme"],
        themes=["savoirs-de-base"],
        year=2012,
    )
    bare = api.content.create(container=fonds, type="Notice", id="n2", title="Sans plus")
    return [full, bare]


def test_same_values_as_plone_for_every_name(portal, notices):
    catalog = portal.portal_catalog
    lookups = Lookups(catalog)
    names = _names(catalog)
    for obj in notices:
        ours = IndexValues(obj, catalog, lookups)
        wrapper = IndexableObjectWrapper(obj, catalog)
        for name in names:
            assert _ours(ours, name) == _plone(wrapper, name), (obj.getId(), name)
        # asked twice (memoised), still the same
        for name in names:
            assert _ours(ours, name) == _plone(wrapper, name), (obj.getId(), name)


def test_acquired_values_are_refused_but_a_python_script_is_called(portal, notices):
    values = IndexValues(notices[0], portal.portal_catalog)
    assert _ours(values, "portal_catalog") == "<absent>"
    assert _ours(values, "fonds") == "<absent>"
    assert _ours(values, "rt_test_script") == "valeur du script"


def test_a_default_is_a_copy(portal, notices):
    """A field the Notice does not store gives its default, never the field's own
    default object (a value changed by one consumer must not leak into the next)."""
    catalog = portal.portal_catalog
    lookups = Lookups(catalog)
    first = IndexValues(notices[1], catalog, lookups).urls
    first.append("https://exemple.fr")
    assert IndexValues(notices[1], catalog, lookups).urls != first


def test_catalog_batch_gives_the_catalog_entry_of_reindex(portal, notices):
    catalog = portal.portal_catalog
    processQueue()  # Plone's own indexing of the new Notices (reindexObject's entry)
    expected = {}
    for obj in notices:
        rid = catalog.getrid("/".join(obj.getPhysicalPath()))
        expected[obj.getId()] = (catalog.getIndexDataForRID(rid), catalog.getMetadataForRID(rid))
        catalog.uncatalog_object("/".join(obj.getPhysicalPath()))
    catalog_batch(catalog, notices)
    for obj in notices:
        rid = catalog.getrid("/".join(obj.getPhysicalPath()))
        assert (catalog.getIndexDataForRID(rid), catalog.getMetadataForRID(rid)) == expected[
            obj.getId()
        ], obj.getId()
