"""Keep tombstones, cache and the ``oai_key`` index in step with the content.

- a disseminated record that is deleted, or leaves the "published" state after
  having been published, gets a tombstone dated now;
- republishing removes the tombstone;
- every workflow transition moves the record's datestamp (``oai_key``);
- a moved record's cached metadata (which holds its URL) is dropped.
"""

from Products.CMFCore.utils import getToolByName
from zope.component.hooks import getSite

from rt.infodoc.indexers.values import PRODUCTION_KINDS
from rt.infodoc.oai import datestamps
from rt.infodoc.oaiprovider.cache import get_cache
from rt.infodoc.oaiprovider.sets import DISSEMINATED_TYPES, header_sets
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
    return any(entry.get("review_state") == PUBLIC_STATE
               for entries in history.values() for entry in entries)


def record_sets(obj):
    return header_sets(getattr(obj, "themes", None) or (), getattr(obj, "document_type", None),
                       PRODUCTION_KINDS.get(obj.portal_type))


def _site():
    site = getSite()
    return site if site is not None and hasattr(site, "portal_catalog") else None


def leave_tombstone(site, obj):
    get_store(site).add(obj.UID(), datestamps.now(), record_sets(obj), obj.portal_type)
    cache = get_cache(site, create=False)
    if cache is not None:
        cache.drop(obj.UID())


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


def moved(obj, event):
    if event.oldParent is None or event.newParent is None or not _disseminated(obj):
        return
    site = _site()
    cache = get_cache(site, create=False) if site is not None else None
    if cache is not None:
        cache.drop(obj.UID())
