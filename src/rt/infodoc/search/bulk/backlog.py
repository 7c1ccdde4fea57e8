"""Bulk indexing's Solr backlog, as the search guard sees it (``ISolrBacklog``).

Bulk indexing (``indexing.BulkIndexing``) keeps, in the site's annotations and in
the batch's own transaction, each object it catalogued but Solr has not accepted
yet: uid -> (path, time written, writer). The writer is ``host:pid`` of the
process that runs the bulk write (the MARC import). A live run sends these itself
within a batch or two; a run whose process died never will. They are abandoned when their process is gone (same
host, pid not running) or when nothing removed them for ``STALE_AFTER`` seconds
(a writer on another host, or a pid reused).
"""

import functools
import os
import socket
import time

from BTrees.OOBTree import OOBTree
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer

from rt.infodoc.search.interfaces import ISolrBacklog

KEY = "rt.infodoc.search.bulk_pending"
STALE_AFTER = 300  # seconds: a batch is posted within seconds of its commit


def writer_id():
    return _writer_id(os.getpid())


@functools.lru_cache(maxsize=4)
def _writer_id(pid):
    return f"{socket.gethostname()}:{pid}"  # once per process, not once per Notice


def entry(path, now=None):
    """The stored value for a Notice this process committed at `now`."""
    return (path, now if now is not None else time.time(), writer_id())


def entry_path(value):
    """The path of a stored value (a bare path before upgrade 20261206002)."""
    return value if isinstance(value, str) else value[0]


def _process_gone(writer):
    host, _sep, pid = (writer or "").rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def is_abandoned(value, now=None):
    if isinstance(value, str):
        return True  # written before writers were recorded: no live writer left
    _path, written, writer = value
    if not writer:
        return True
    now = now if now is not None else time.time()
    return now - written > STALE_AFTER or _process_gone(writer)


def solr_pending(site, create=False):
    """uid -> entry of objects catalogued in bulk but not yet accepted by Solr."""
    annotations = IAnnotations(site)
    tree = annotations.get(KEY)
    if tree is None and create:
        tree = annotations[KEY] = OOBTree()
    return tree


@implementer(ISolrBacklog)
class BulkSolrBacklog:
    def _tree(self, site):
        return solr_pending(site)

    def abandoned(self, site):
        tree = self._tree(site)
        if not tree:
            return []
        now = time.time()
        return [(uid, entry_path(value)) for uid, value in tree.items() if is_abandoned(value, now)]

    def forget(self, site, uids):
        tree = self._tree(site)
        for uid in uids:
            if tree is not None and uid in tree:
                del tree[uid]
