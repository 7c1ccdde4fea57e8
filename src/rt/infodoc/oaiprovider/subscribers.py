"""Keep tombstones, cache and the ``oai_key`` index in step with the content.

- a disseminated record that is deleted, or leaves the "published" state after
  having been published, gets a tombstone dated now;
- republishing removes the tombstone;
- every workflow transition moves the record's datestamp (``oai_key``);
- a modified or moved record's cached metadata (which holds its fields and
  URL) is dropped, and so is a withdrawn or deleted record's (what is left is
  swept by the lists): an edit within the second of the record's datestamp
  does not move its key, yet must not be served stale;
- so is the cached metadata of a Notice an import batch updated in bulk (no
  modification event: ``IBatchWritten``, the catalog still holding its old key).
"""

from Products.CMFCore.utils import getToolByName
from zope.component.hooks import getSite

from rt.infodoc.indexers.values import PRODUCTION_KINDS
from rt.infodoc.oaiprovider.cache import get_cache
from rt.infodoc.oaiprovider.datestamp import oai_datestamp
from rt.infodoc.oaiprovider.engine import datestamps
from rt.infodoc.oaiprovider.keys import make_key
from rt.infodoc.oaiprovider.repository import KEY_INDEX
from rt.infodoc.oaiprovider.sets import DISSEMINATED_TYPES
from rt.infodoc.oaiprovider.sets import header_sets
from rt.infodoc.oaiprovider.tombstones import get_store

PUBLIC_STATE = "published"


def _disseminated(obj):
    return getattr(obj, "portal_type", None) in DISSEMINATED_TYPES


def _state(obj):
    workflow = getToolByName(obj, "portal_workflow", None)
    if workflow is None:
        return None
    return workflow.getInfoFor(obj, "review_state", None)


def was_published(obj):
    history = getattr(obj, "workflow_history", None) or {}
    return any(
        entry.get("review_state") == PUBLIC_STATE
        for entries in history.values()
        for entry in entries
    )


def record_sets(obj):
    return header_sets(
        getattr(obj, "themes", None) or (),
        getattr(obj, "document_type", None),
        PRODUCTION_KINDS.get(obj.portal_type),
    )


def _site():
    site = getSite()
    return site if site is not None and hasattr(site, "portal_catalog") else None


def cached_keys(site, obj):
    """The keys the record's cached metadata may be held under: the catalog's
    (what the provider read) and the one its current dates give."""
    uid = obj.UID()
    keys = {make_key(oai_datestamp(obj), uid)}
    catalog = getToolByName(site, "portal_catalog")._catalog
    rid = catalog.indexes["UID"]._index.get(uid)
    key_index = catalog.indexes.get(KEY_INDEX)
    if rid is not None and key_index is not None:
        key = key_index._unindex.get(rid)
        if key:
            keys.add(key)
    return keys


def drop_cached(site, obj):
    cache = get_cache(site, create=False)
    if cache is not None:
        for key in cached_keys(site, obj):
            cache.drop(key)


def leave_tombstone(site, obj):
    get_store(site).add(obj.UID(), datestamps.now(), record_sets(obj), obj.portal_type)
    drop_cached(site, obj)


def workflow_changed(obj, event):
    if not _disseminated(obj):
        return
    site = _site()
    if site is None:
        return
    if _state(obj) == PUBLIC_STATE:
        store = get_store(site, create=False)
        if store is not None:
            store.remove(obj.UID())
    elif was_published(obj):
        leave_tombstone(site, obj)
    obj.reindexObject(idxs=["oai_key"])


def removed(obj, event):
    if not _disseminated(obj):
        return
    site = _site()
    if site is None or getattr(site, "_p_jar", None) is None:
        return
    if _state(obj) == PUBLIC_STATE or was_published(obj):
        leave_tombstone(site, obj)


def modified(obj, event):
    """An edit whose datestamp has not moved (yet) from the catalog's: the
    entry under that key would be served stale, so it goes. (When the key
    moved, the old entry is out of reach and the lists sweep it.)"""
    if not _disseminated(obj):
        return
    site = _site()
    cache = get_cache(site, create=False) if site is not None else None
    if cache is None:
        return
    keys = cached_keys(site, obj)
    if len(keys) == 1:
        cache.drop(keys.pop())


def will_move(obj, event):
    """Before a move, a rename or a removal, while the catalog still holds the
    record's key (the move may reindex it and touch its dates)."""
    if event.oldParent is None or not _disseminated(obj):
        return
    site = _site()
    if site is not None:
        drop_cached(site, obj)


def batch_written(event):
    """Notices an import batch updated without a modification event: their cached
    metadata goes, under the key the catalog still holds and the new one."""
    for obj in event.updated:
        drop_cached(event.site, obj)
