"""Catalog a batch of objects once, each value computed once (Zope).

``IndexValues`` gives what ``plone.indexer``'s ``IndexableObjectWrapper`` gives for
an attribute name (an ``IIndexer`` adapter's value, else a workflow variable, else
the object's own attribute, never an acquired one except a Python Script), with
the same rules but cheaper lookups, and remembers every value (methods are
called once): the catalog's indexes and metadata and the Solr document read the
same values, so ``SearchableText``, ``allowedRolesAndUsers`` and the rest are
computed once per Notice instead of once per consumer.

``Lookups`` holds what is the same for every object of a run: the adapter lookup,
the workflow tool, the names no Notice can have (no indexer, no class
attribute, no schema field: Solr's copyField targets, for instance), which then
cost a dict lookup instead of a walk through every schema and every parent, and
the schema fields of a type, so that a field the object does not store gives its
default (what Dexterity's ``__getattr__`` would return) without Dexterity walking
the type's schema and behaviours for it on every object.

``catalog_batch`` puts objects in the catalog directly (``Catalog.catalogObject``,
no indexing queue), so no queue processor (collective.solr's included) sees them.
"""

from copy import deepcopy

from Acquisition import aq_base
from plone.dexterity.schema import SCHEMA_CACHE
from plone.dexterity.utils import iterSchemataForType
from plone.indexer.interfaces import IIndexableObject
from plone.indexer.interfaces import IIndexer
from Products.CMFCore.utils import getToolByName
from zope.component import getSiteManager
from zope.interface import implementer
from zope.interface import providedBy
from zope.interface.interface import Method
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IContextAwareDefaultFactory

_MISSING = object()
_ABSENT = object()
PYTHON_SCRIPT = "Script (Python)"


class Lookups:
    """Per run: adapter registry, workflow tool, names a given type never has."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.catalog_spec = providedBy(catalog)
        self.lookup = getSiteManager().adapters.lookup
        self.workflow = getToolByName(catalog, "portal_workflow", None)
        self._absent = {}  # (portal_type, class) -> {name: bool}

    def absent(self, obj, name):
        """True when ``name`` can only come from the instance's own __dict__: no
        schema field, no class attribute, and what the parents have under that
        name is nothing or a value ``IndexValues`` would refuse (acquired, not a
        Python Script)."""
        klass = aq_base(obj).__class__
        key = (getattr(obj, "portal_type", None), klass)
        names = self._names(key)
        known = names.get(name)
        if known is None:
            acquired = getattr(getattr(obj, "aq_parent", None), name, None)
            known = names[name] = (
                name not in names["_fields"]
                and not hasattr(klass, name)
                and not name.startswith("_")
                and getattr(acquired, "meta_type", None) != PYTHON_SCRIPT
            )
        return known

    def _names(self, key):
        names = self._absent.get(key)
        if names is None:
            fields, plain = self._fields(key[0])
            names = self._absent[key] = {"_fields": fields, "_plain": plain}
        return names

    def default_field(self, obj, name):
        """The schema field whose default ``obj.<name>`` gives when the object does
        not store ``name`` (Dexterity's ``__getattr__``), or None: not a field, a
        class attribute, or a context-aware default (then ask the object)."""
        klass = aq_base(obj).__class__
        field = self._names((getattr(obj, "portal_type", None), klass))["_plain"].get(name)
        if field is None or hasattr(klass, name):
            return None
        return field

    @staticmethod
    def _fields(portal_type):
        """(every field name, {name: field with a plain default}) of a type's
        schemata, the main schema first then the behaviours (Dexterity's order)."""
        fields, plain = set(), {}
        if portal_type and SCHEMA_CACHE.get(portal_type) is not None:
            for schema in iterSchemataForType(portal_type):
                for name, field in getFieldsInOrder(schema):
                    if name in fields:
                        continue
                    fields.add(name)
                    factory = getattr(field, "defaultFactory", None)
                    if isinstance(field, Method) or (
                        factory is not None and IContextAwareDefaultFactory.providedBy(factory)
                    ):
                        continue
                    plain[name] = field
        return fields, plain


@implementer(IIndexableObject)
class IndexValues:
    """Memoising indexable view of one object (values, never callables)."""

    __slots__ = ("_object", "_base", "_lookups", "_spec", "_vars", "_values")

    def __init__(self, obj, catalog, lookups=None):
        self._object = obj
        self._base = aq_base(obj)
        self._lookups = lookups or Lookups(catalog)
        self._spec = providedBy(obj)
        workflow = self._lookups.workflow
        self._vars = workflow.getCatalogVariablesFor(obj) if workflow is not None else {}
        self._values = {}

    def __getattr__(self, name):
        values = self._values
        value = values.get(name, _MISSING)
        if value is _MISSING:
            try:
                value = self._compute(name)
                if callable(value):
                    value = value()
            except AttributeError:
                values[name] = _ABSENT
                raise
            values[name] = value
        elif value is _ABSENT:
            raise AttributeError(name)
        return value

    def _compute(self, name):
        lookups = self._lookups
        factory = lookups.lookup((self._spec, lookups.catalog_spec), IIndexer, name)
        if factory is not None:
            indexer = factory(self._object, lookups.catalog)
            if indexer is not None:
                return indexer()
        if name in self._vars:
            return self._vars[name]
        base = self._base
        if name not in base.__dict__:
            field = lookups.default_field(self._object, name)
            if field is not None:
                return deepcopy(field.default)
            if lookups.absent(self._object, name):
                raise AttributeError(name)
        value = getattr(self._object, name)
        try:
            getattr(base, name)
        except AttributeError:
            if getattr(value, "meta_type", None) == PYTHON_SCRIPT:
                return value
            raise
        return value

    def getPhysicalPath(self):
        return self._object.getPhysicalPath()


def catalog_batch(catalog, objects, lookups=None):
    """Catalog ``objects`` (every index and metadata column); returns their IndexValues."""
    lookups = lookups or Lookups(catalog)
    inner = catalog._catalog
    done = []
    for obj in objects:
        values = IndexValues(obj, catalog, lookups)
        inner.catalogObject(values, "/".join(obj.getPhysicalPath()), None, [], True)
        done.append(values)
    if done and hasattr(catalog, "_increment_counter"):
        catalog._increment_counter()
    return done
