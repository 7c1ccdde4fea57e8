"""Reindex a record's availability indexes, only those whose value changed.

Used by the desk's subscriber (subscribers.py), the follower of a WSGI process
(follower.py) and the daily job's reconciliation. Neither index is a metadata
column, so the catalog's metadata is left alone.
"""

from plone import api
from plone.indexer.interfaces import IIndexableObject
from zope.component import queryMultiAdapter

from rt.infodoc.circulation.catalog_lookup import object_of
from rt.infodoc.circulation.store import get_store

AVAILABILITY_INDEXES = ["availability", "relay_sites"]


def _comparable(value):
    """A keyword index keeps a record's values in no set order."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(set(value)) or None
    return value or None


def changed_indexes(obj, names=AVAILABILITY_INDEXES):
    """The indexes among `names` whose value for `obj` differs from the one the
    catalog holds (all of them for an object the catalog does not know)."""
    catalog = api.portal.get_tool("portal_catalog")
    rid = catalog.getrid("/".join(obj.getPhysicalPath()))
    if rid is None:
        return list(names)
    wrapper = queryMultiAdapter((obj, catalog), IIndexableObject)
    changed = []
    for name in names:
        index = catalog.Indexes.get(name)
        if index is None:
            continue
        try:
            value = getattr(wrapper, name)
        except AttributeError:
            value = None
        held = index.getEntryForObject(rid, None)
        if _comparable(value) != _comparable(held):
            changed.append(name)
    return changed


def reindex_record(uid):
    """Reindex the availability indexes of the record `uid` that changed."""
    obj = object_of(uid)
    if obj is None:
        return []
    changed = changed_indexes(obj)
    if changed:
        obj.reindexObject(idxs=changed, update_metadata=0)
    return changed


def reconcile(portal):
    """Put every record with copies back in line with the store (what a
    follower could not reindex: its process stopped, conflicts); the number of
    records reindexed."""
    store = get_store(portal)
    if store is None:
        return 0
    return sum(1 for uid in list(store.copies_by_uid.keys()) if reindex_record(uid))
