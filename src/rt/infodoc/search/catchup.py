"""Changes made while Solr is down reach it when it is back.

`CatchUpProcessor` is an index-queue processor beside collective.solr's: when Solr
does not answer while content is indexed, re-indexed or removed, it writes the UID
(and the path) into a persistent list on the site, in the same transaction as the
change. `catch_up(site)` sends those objects to Solr (or deletes them from it) and
empties the list; the search engine calls it as soon as Solr answers again, and
`scripts/solr-reindex --catch-up` does it on demand.
"""

import logging

from BTrees.OOBTree import OOBTree
from collective.solr.indexer import SolrIndexProcessor
from collective.solr.interfaces import ISolrConnectionManager
from plone.uuid.interfaces import IUUID
from Products.CMFCore.interfaces import IIndexQueueProcessor
from zope.annotation.interfaces import IAnnotations
from zope.component import queryUtility
from zope.component.hooks import getSite
from zope.interface import implementer

from rt.infodoc.search import config
from rt.infodoc.search.health import HEALTH

logger = logging.getLogger("rt.infodoc.search")

KEY = "rt.infodoc.search.solr_pending"
INDEX = "index"
UNINDEX = "unindex"


def _site_root(site):
    return site if site is not None else getSite()


def pending(site=None, create=False):
    """The persistent {uid: (operation, path)} of changes Solr has not seen."""
    site = _site_root(site)
    if site is None:
        return None
    try:
        annotations = IAnnotations(site)
    except TypeError:
        return None
    tree = annotations.get(KEY)
    if tree is None and create:
        tree = annotations[KEY] = OOBTree()
    return tree


def pending_count(site=None):
    tree = pending(site)
    return len(tree) if tree is not None else 0


def remember(obj, operation):
    if hasattr(obj, "context") and not hasattr(obj, "getPhysicalPath"):
        obj = obj.context
    uid = IUUID(obj, None)
    if not uid:
        return
    remember_path(None, uid, "/".join(obj.getPhysicalPath()), operation)


def remember_path(site, uid, path, operation):
    """Remember a change by UID and path (the object need not be at hand)."""
    tree = pending(site, create=True)
    if tree is None:
        return
    if tree.get(uid) != (operation, path):
        tree[uid] = (operation, path)


@implementer(IIndexQueueProcessor)
class CatchUpProcessor:
    """Remember what Solr missed while it was down."""

    def _solr_missing(self):
        # a fresh answer (at most one second old): a change must not be lost
        return config.solr_active() and not HEALTH.is_up(config.core_url(), max_age=1.0)

    def index(self, obj, attributes=None):
        if self._solr_missing():
            remember(obj, INDEX)

    def reindex(self, obj, attributes=None, update_metadata=False):
        self.index(obj, attributes)

    def unindex(self, obj):
        if self._solr_missing():
            remember(obj, UNINDEX)

    def begin(self):
        pass

    def commit(self, wait=None):
        pass

    def abort(self):
        pass


def _find(site, uid, path):
    obj = site.unrestrictedTraverse(path, None)
    if obj is not None and IUUID(obj, None) == uid:
        return obj
    catalog = getattr(site, "portal_catalog", None)
    if catalog is None:
        return None
    for brain in catalog.unrestrictedSearchResults(UID=uid):
        return brain._unrestrictedGetObject()
    return None


def catch_up(site=None):
    """Send what Solr missed; returns (indexed, deleted). Solr must be up."""
    site = _site_root(site)
    tree = pending(site)
    if not tree:
        return 0, 0
    manager = queryUtility(ISolrConnectionManager)
    if manager is None:
        return 0, 0
    processor = SolrIndexProcessor(manager)
    connection = processor.getConnection()
    if connection is None or manager.getSchema() is None:
        return 0, 0
    indexed = deleted = 0
    done = []
    for uid, (operation, path) in list(tree.items()):
        obj = _find(site, uid, path) if operation == INDEX else None
        if obj is None:
            connection.delete(id=uid)
            deleted += 1
        else:
            processor.index(obj)
            indexed += 1
        done.append((uid, (operation, path)))
    processor.commit(wait=True)
    for uid, entry in done:
        if tree.get(uid) == entry:
            del tree[uid]
    _safe_write(site, tree)
    logger.info("Solr catch-up: %d indexed, %d deleted", indexed, deleted)
    return indexed, deleted


def _safe_write(site, tree):
    """The catch-up may run in a GET request: tell plone.protect this write is ours."""
    try:
        from plone.protect.auto import safeWrite
    except ImportError:
        return
    request = getattr(site, "REQUEST", None)
    if request is not None:
        safeWrite(tree, request)
        for bucket in _buckets(tree):
            safeWrite(bucket, request)


def _buckets(tree):
    bucket = getattr(tree, "_firstbucket", None)
    while bucket is not None:
        yield bucket
        bucket = getattr(bucket, "_next", None)
