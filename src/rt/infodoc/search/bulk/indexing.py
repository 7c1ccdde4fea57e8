"""Bulk indexing: the catalog and Solr for objects written without their
per-object events, a batch at a time (Zope).

    indexing = BulkIndexing(site)  # once per run: per-run lookups, one Solr sender
    indexing.add(objects)          # in the batch's transaction
    indexing.before_commit()       # catalogues them, builds their Solr documents
    transaction.commit()
    indexing.after_commit()        # their documents go to Solr (background thread)
    indexing.close()               # end of the run, in its last transaction

Each object is catalogued once (``values.catalog_batch``: every index and metadata
column, each value computed once) and its Solr document built from the same
values (``solr``); collective.solr's queue processor never sees these objects.
Their UIDs are kept in the site (``backlog``, same transaction as the batch) until
Solr has accepted them, so a crash between the commit and the post loses nothing:
the next run sends them first, the search guard replays what a dead process left,
and ``close`` hands those Solr refused to the search catch-up.

The MARC import uses it through its batch event (``subscribers.py``).
"""

import logging

from Products.CMFCore.utils import getToolByName

from rt.infodoc.search import config
from rt.infodoc.search.catchup import INDEX
from rt.infodoc.search.catchup import remember

from .backlog import entry
from .backlog import entry_path
from .backlog import solr_pending
from .solr import DocumentBuilder
from .solr import SolrPoster
from .solr import solr_manager
from .values import IndexValues
from .values import Lookups
from .values import catalog_batch

logger = logging.getLogger("rt.infodoc.search")


class BulkIndexing:
    def __init__(self, site, solr=True):
        self.site = site
        self.catalog = getToolByName(site, "portal_catalog")
        self.lookups = Lookups(self.catalog)
        manager = solr_manager() if solr else None
        self.builder = DocumentBuilder(manager) if manager is not None else None
        self.poster = SolrPoster(config.core_url()) if manager is not None else None
        self.objects = []  # added in this transaction, catalogued before its commit
        self.docs = []  # their Solr documents, posted after the commit
        self.sent = {}  # token -> uids posted, waiting for Solr's answer
        self._token = 0
        self._leftovers = self.poster is not None  # sent with the first batch

    def add(self, objects):
        if self._leftovers:
            self._leftovers = False
            self.send_leftovers()
        self.objects.extend(objects)

    def before_commit(self):
        """Catalog the batch's objects and build their Solr documents."""
        objects, self.objects = self.objects, []
        if objects:
            indexed = catalog_batch(self.catalog, objects, self.lookups)
            if self.builder is not None:
                tree = solr_pending(self.site, create=True)
                for obj, values in zip(objects, indexed, strict=False):
                    doc = self.builder.document(values)
                    if doc is not None:
                        self.docs.append(doc)
                        tree[doc[self.builder.unique_key]] = entry("/".join(obj.getPhysicalPath()))
        self._forget_sent()

    def after_commit(self):
        """The batch is committed: its documents go to Solr (in the background)."""
        docs, self.docs = self.docs, []
        if not docs or self.poster is None:
            return
        self._token += 1
        self.sent[self._token] = [doc[self.builder.unique_key] for doc in docs]
        self.poster.send(docs, self._token)

    def abort(self):
        self.objects = []
        self.docs = []

    def _forget_sent(self):
        """UIDs Solr accepted leave the pending list (in the current transaction)."""
        if self.poster is None:
            return
        tree = solr_pending(self.site)
        for token in self.poster.done():
            for uid in self.sent.pop(token, ()):
                if tree is not None and uid in tree:
                    del tree[uid]

    def send_leftovers(self):
        """Objects a previous run catalogued but Solr never got (killed between the
        two); in the current transaction, posted at once (they are committed)."""
        tree = solr_pending(self.site)
        if self.builder is None or not tree:
            return 0
        paths = {uid: entry_path(value) for uid, value in tree.items()}
        found = {uid: self.site.unrestrictedTraverse(path, None) for uid, path in paths.items()}
        for uid, obj in found.items():
            if obj is None:
                del tree[uid]
            else:
                doc = self.builder.document(IndexValues(obj, self.catalog, self.lookups))
                if doc is not None:
                    self.docs.append(doc)
        count = len(self.docs)
        self.after_commit()
        return count

    def stop(self):
        """The run failed: let Solr have what was committed; pending UIDs stay for
        the next run (no ZODB write here)."""
        if self.poster is None:
            return
        self.poster.wait()
        try:
            self.poster.commit()
        except Exception as exc:  # noqa: B902
            logger.warning("Solr commit after a failed bulk write failed: %s", exc)
        self.poster.close()
        self.poster = None

    def close(self, commit=True):
        """Wait for Solr, commit it once, forget what it accepted; the rest goes to
        the search catch-up.  Runs inside the run's last transaction."""
        if self.poster is None:
            return
        self.poster.wait()
        if commit:
            try:
                self.poster.commit()
            except Exception as exc:  # noqa: B902 - Solr down: the catch-up sends later
                logger.warning("Solr commit after a bulk write failed: %s", exc)
        self._forget_sent()
        self.poster.close()
        self.poster.failed()
        self.poster = None
        tree = solr_pending(self.site)
        for uid, value in list(tree.items()) if tree else ():
            obj = self.site.unrestrictedTraverse(entry_path(value), None)
            if obj is not None:
                remember(obj, INDEX)
            del tree[uid]
