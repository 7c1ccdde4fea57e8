"""Plone's generic catalog names, computed cheaply for a Notice (same values).

Plone computes some catalog values of every Dexterity item by walking its schemata
or building its WebDAV representation: ``getObjSize`` builds an ``ISized`` adapter
that reads every field, ``image_scales`` asks an adapter for every field,
``mime_type`` builds the item's RFC 822 reader, ``is_default_page`` looks up a tool
and a view.  For a Notice (a bibliographic record: ~30 text fields, at most one
file) that is about 1.5 ms of the ~3 ms its catalog values cost, on every import
and every edit.  These indexers give the same values from what is the same for
every Notice of a type (its schemata, read once per schema set) and from the
Notice's own ``__dict__``:

- ``getObjSize``: the summed ``getSize()`` of the field values that have one (the
  file), as ``human_readable_size``, like Dexterity's ``get_size``;
- ``image_scales``: no field of the Notice's schemata has an image-scales adapter
  (the usual case) -> no value, as Plone gives for an item without images; else
  Plone's own indexer;
- ``mime_type``: ``text/plain`` unless the schemata hold more than one primary
  field (``message/rfc822``), which is what Dexterity's default reader says for an
  item it has not serialised;
- ``is_default_page``: the container's default page compared with the id, without
  the tool and view lookups;
- ``UID``: the UUID attribute, as plone.uuid's attribute adapter reads it, without
  looking the adapter up.

tests/indexers/test_notice_generic.py checks each value against Plone's indexer.
"""

from copy import deepcopy

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.base.defaultpage import is_default_page as container_default_is
from plone.base.interfaces import IImageScalesFieldAdapter
from plone.base.utils import human_readable_size
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.schema import SCHEMA_CACHE
from plone.dexterity.utils import iterSchemataForType
from plone.indexer import indexer
from plone.rfc822.interfaces import IPrimaryField
from plone.uuid.interfaces import ATTRIBUTE_NAME
from Products.CMFPlone.image_scales.indexer import image_scales as plone_image_scales
from zope.component import getSiteManager
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.interface import providedBy
from zope.interface.interface import Method
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IContextAwareDefaultFactory

from rt.infodoc.content.notice import INotice

_TYPE_FACTS = {}  # (portal_type, FTI mtime, schema cache invalidations) -> facts


class _TypeFacts:
    """What a set of schemata says, whatever the item: field names, primary fields,
    the fields whose default does not depend on the item."""

    def __init__(self, schemata):
        self.fields = []
        self.plain = {}  # name -> field, the first schema naming it (Dexterity's order)
        primaries = 0
        seen = set()
        for schema in schemata:
            for name, field in getFieldsInOrder(schema):
                self.fields.append((name, field))
                if IPrimaryField.providedBy(field):
                    primaries += 1
                if name in seen:
                    continue
                seen.add(name)
                factory = getattr(field, "defaultFactory", None)
                if not isinstance(field, Method) and not (
                    factory is not None and IContextAwareDefaultFactory.providedBy(factory)
                ):
                    self.plain[name] = field
        self.names = frozenset(name for name, _field in self.fields)
        self.mime_type = "message/rfc822" if primaries > 1 else "text/plain"
        self._scaled = {}  # (item spec, request spec) -> bool

    def has_scaled_field(self, obj, request):
        """True when a field of these schemata has an image-scales adapter."""
        key = (providedBy(obj), providedBy(request))
        known = self._scaled.get(key)
        if known is None:
            lookup = getSiteManager().adapters.lookup
            known = self._scaled[key] = any(
                lookup((providedBy(field), key[0], key[1]), IImageScalesFieldAdapter) is not None
                for _name, field in self.fields
            )
        return known


def type_facts(obj):
    """The facts of the object's type, read again when its FTI or Dexterity's schema
    cache changed."""
    portal_type = obj.portal_type
    fti = queryUtility(IDexterityFTI, name=portal_type)
    key = (portal_type, getattr(fti, "_p_mtime", None), SCHEMA_CACHE.invalidations)
    facts = _TYPE_FACTS.get(key)
    if facts is None:
        facts = _TYPE_FACTS[key] = _TypeFacts(tuple(iterSchemataForType(portal_type)))
    return facts


def field_value(obj, name):
    """``obj.<name>`` for a schema field: the stored value, else the field's default
    as Dexterity's ``__getattr__`` gives it (a copy), without its walk through the
    type's schema and behaviours on every access."""
    base = aq_base(obj)
    values = base.__dict__
    if name in values:
        return values[name]
    field = type_facts(obj).plain.get(name)
    if field is not None and not hasattr(base.__class__, name):
        return deepcopy(field.default)
    return getattr(obj, name)


def notice_size(obj):
    """Bytes of the field values that have a size (Dexterity's ``getSize``)."""
    names = type_facts(obj).names
    size = 0
    for name, value in aq_base(obj).__dict__.items():
        if name in names and hasattr(value, "getSize"):
            size += value.getSize()
    return size


@indexer(INotice)
def getObjSize(obj):
    return human_readable_size(notice_size(obj))


@indexer(INotice)
def image_scales(obj):
    if not type_facts(obj).has_scaled_field(obj, getRequest()):
        raise AttributeError("image_scales")
    return plone_image_scales(obj)()


@indexer(INotice)
def mime_type(obj):
    return type_facts(obj).mime_type


@indexer(INotice)
def is_default_page(obj):
    container = aq_parent(aq_inner(obj))
    if container is None:
        return False
    return bool(container_default_is(container, obj))


@indexer(INotice)
def UID(obj):
    return getattr(obj, ATTRIBUTE_NAME, None)
