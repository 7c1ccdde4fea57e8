"""A Notice's generic catalog values (size, image scales, MIME type, default page)
are Plone's own, computed the cheap way."""

import pytest
from plone import api
from plone.app.contenttypes.indexers import mime_type as plone_mime_type
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from plone.app.uuid.indexer import uuidIndexer
from plone.indexer.interfaces import IIndexer
from plone.namedfile.file import NamedBlobFile
from Products.CMFPlone import CatalogTool
from Products.CMFPlone.image_scales.indexer import image_scales as plone_image_scales
from zope.component import getMultiAdapter

from rt.infodoc.indexers import notice_generic

NAMES = ("getObjSize", "image_scales", "mime_type", "is_default_page", "UID")
PLONE = {
    "getObjSize": CatalogTool.getObjSize,
    "image_scales": plone_image_scales,
    "mime_type": plone_mime_type,
    "is_default_page": CatalogTool.is_default_page,
    "UID": uuidIndexer,
}


def _value(indexer, obj):
    try:
        return indexer(obj)()
    except AttributeError:
        return "<no value>"


@pytest.fixture()
def notices(portal, app):
    login(app, SITE_OWNER_NAME)
    fonds = portal["fonds"]
    plain = api.content.create(
        container=fonds,
        type="Notice",
        id="plain",
        title="Illettrisme et territoires",
        isbn=["2-11-004"],
    )
    with_file = api.content.create(
        container=fonds, type="Notice", id="with-file", title="Rapport en ligne"
    )
    with_file.file = NamedBlobFile(
        data=b"%PDF-1.4 " + b"x" * 5000, contentType="application/pdf", filename="rapport.pdf"
    )
    default = api.content.create(
        container=fonds, type="Notice", id="accueil", title="Page d'accueil du fonds"
    )
    fonds.setDefaultPage("accueil")
    return [plain, with_file, default]


@pytest.mark.parametrize("name", NAMES)
def test_the_catalog_uses_the_notice_indexer(portal, notices, name):
    catalog = portal.portal_catalog
    found = getMultiAdapter((notices[0], catalog), IIndexer, name=name)
    assert found.callable is getattr(notice_generic, name).callable


@pytest.mark.parametrize("name", NAMES)
def test_same_value_as_plone(notices, name):
    for obj in notices:
        assert _value(getattr(notice_generic, name), obj) == _value(PLONE[name], obj), (
            name,
            obj.getId(),
        )


def test_the_values_say_what_the_notice_is(portal, notices):
    plain, with_file, default = notices
    assert _value(notice_generic.getObjSize, plain) == "0 KB"
    assert _value(notice_generic.getObjSize, with_file) == "4.9 KB"
    assert _value(notice_generic.image_scales, plain) == "<no value>"
    assert _value(notice_generic.mime_type, plain) == "text/plain"
    assert _value(notice_generic.is_default_page, default) is True
    assert _value(notice_generic.is_default_page, plain) is False
    assert _value(notice_generic.UID, plain) == plain.UID() and len(plain.UID()) == 32


def test_catalog_metadata_after_a_change(portal, notices):
    """The catalog shows the new size once the Notice is reindexed."""
    plain = notices[0]
    plain.file = NamedBlobFile(data=b"y" * 3000, contentType="text/plain", filename="note.txt")
    plain.reindexObject()
    brain = portal.portal_catalog(UID=plain.UID())[0]
    assert brain.getObjSize == "2.9 KB"
    assert brain.mime_type == "text/plain"


def test_field_value_is_what_the_notice_gives(notices):
    """Stored values, and for the fields a Notice does not store, the same default
    Dexterity gives (a copy each time)."""
    from plone.dexterity.utils import iterSchemataForType
    from zope.schema import getFieldNames

    plain = notices[0]
    names = {name for schema in iterSchemataForType("Notice") for name in getFieldNames(schema)}
    assert {"subtitle", "ean", "urls", "themes", "exclude_from_nav"} <= names
    for name in sorted(names):
        assert notice_generic.field_value(plain, name) == getattr(plain, name), name
    assert notice_generic.field_value(plain, "isbn") == ["2-11-004"]
    first = notice_generic.field_value(plain, "urls")
    first.append("https://exemple.fr")
    assert notice_generic.field_value(plain, "urls") != first
