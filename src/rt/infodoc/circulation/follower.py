"""Availability in the catalog and Solr follows the desk, just after its commit.

A loan or a return that changes a record's availability used to reindex the
record in the desk's own transaction. Under ten busy desks those reindexes all
write the same few buckets of the availability index: write conflicts, every
request retried, some given up (503), and the desk waiting for Solr. The desk
now writes only the circulation store (shaped for concurrent writes, store.py)
and, once its transaction is committed, hands the records' UIDs to the
process's follower: one thread per database that gathers what the desks of the
process committed in the last moments and reindexes those records in one
transaction of its own (only the indexes whose value changed, reindexing.py),
retrying when another process's follower wrote the same buckets. Search
results change within a second of the loan (tests/circulation/test_concurrent_zeo.py).

Deferred only in the WSGI server processes: the instance's pipeline holds
``make_filter`` (instance/zope.ini.in), which turns the follower on for the
process. Scripts (import, demo loans, daily job) and tests without it reindex
in their own transaction, as before.

When the process is asked to stop (SIGTERM, Ctrl-C: publication/graceful_stop.py),
``on_process_stopping`` waits for the followers to reindex what they hold.
What a process held when it died (killed, out of memory) is put back in line
by ``reconcile`` (the daily job), which compares every record with the store.
"""

import logging
import queue
import random
import threading
import time

import transaction
from ZODB.POSException import ConflictError

logger = logging.getLogger("rt.infodoc.circulation")

# The follower waits this long for more desks' changes before it reindexes them
# in one transaction: a few commits a second per process, so that the followers
# of two processes, which write the same buckets of the availability index
# (removing a bucket's first key conflicts with any other change to the bucket),
# rarely overlap; search results still change well within a second.
GATHER = 0.2
ATTEMPTS = 8
# How long a stopping process waits for its followers
STOP_GRACE = 10.0

_deferred = False
_TXN = object()  # the key of a transaction's pending records
_followers = {}
_lock = threading.Lock()


def enable(on=True):
    """Defer availability reindexes to the followers (the WSGI server's pipeline,
    ``make_filter``; tests)."""
    global _deferred
    _deferred = bool(on)


def deferred():
    return _deferred


def make_filter(global_conf, **local_conf):
    """PasteDeploy's filter factory of the instance's pipeline: turns the
    follower on for this process and lets every request through unchanged."""
    enable()
    return _unchanged


def _unchanged(app):
    return app


def follow(site, uid):
    """After the current transaction commits, reindex the record `uid` of
    `site` (once per transaction and record; nothing if it is aborted)."""
    txn = transaction.get()
    try:
        pending = txn.data(_TXN)
    except KeyError:
        pending = {}
        txn.set_data(_TXN, pending)
    db = site._p_jar.db()
    path = "/".join(site.getPhysicalPath())
    uids = pending.get((id(db), path))
    if uids is None:
        uids = pending[(id(db), path)] = set()
        txn.addAfterCommitHook(_committed, (db, path, uids))
    uids.add(uid)


def _committed(status, db, site_path, uids):
    if status and uids:
        follower_of(db).put(site_path, uids)


def on_process_stopping(event):
    """IProcessStopping: the requests have ended, the databases are still open;
    each follower reindexes what it was handed before the process stops."""
    with _lock:
        followers = list(_followers.values())
    deadline = time.monotonic() + STOP_GRACE
    for follower in followers:
        if follower.wait(max(0.0, deadline - time.monotonic())):
            logger.info("availability: every record handed over is reindexed")
        else:
            logger.warning(
                "availability: %d record(s) not reindexed at the stop; the daily "
                "reconciliation will",
                follower.queue.qsize(),
            )


def follower_of(db):
    with _lock:
        found = _followers.get(id(db))
        if found is None or found.db is not db:
            found = _followers[id(db)] = Follower(db)
        return found


class Follower:
    def __init__(self, db):
        self.db = db
        self.queue = queue.Queue()
        self.thread = None
        self.idle = threading.Event()
        self.idle.set()

    def put(self, site_path, uids):
        self.idle.clear()
        for uid in uids:
            self.queue.put((site_path, uid))
        with _lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(
                    target=self._run, name="rt.infodoc availability follower", daemon=True
                )
                self.thread.start()

    def wait(self, timeout=5.0):
        """True once everything handed over is reindexed (tests, shutdown)."""
        return self.idle.wait(timeout)

    def _run(self):
        while True:
            batch = [self.queue.get()]
            time.sleep(GATHER)
            while True:
                try:
                    batch.append(self.queue.get_nowait())
                except queue.Empty:
                    break
            by_site = {}
            for site_path, uid in batch:
                by_site.setdefault(site_path, set()).add(uid)
            for site_path, uids in by_site.items():
                try:
                    if not self._reindex(site_path, sorted(uids)):
                        for uid in uids:  # after the others' commits: next batch
                            self.queue.put((site_path, uid))
                except Exception:  # a follower never dies; reconcile heals
                    logger.exception("availability of %d record(s) not reindexed", len(uids))
            if self.queue.empty():
                self.idle.set()

    def _reindex(self, site_path, uids):
        from Testing.makerequest import makerequest
        from zope.component.hooks import setSite
        from zope.globalrequest import clearRequest
        from zope.globalrequest import setRequest

        from rt.infodoc.circulation.reindexing import reindex_record

        for attempt in range(ATTEMPTS):
            connection = self.db.open()
            try:
                app = makerequest(connection.root()["Application"])
                setRequest(app.REQUEST)
                site = app.unrestrictedTraverse(site_path.lstrip("/"))
                setSite(site)
                for uid in uids:
                    reindex_record(uid)
                transaction.commit()
                return True
            except ConflictError:
                transaction.abort()
                time.sleep(random.uniform(0, 0.02 * (attempt + 1)))
            finally:
                transaction.abort()
                setSite(None)
                clearRequest()
                connection.close()
        logger.warning(
            "availability of %d record(s): %d write conflicts in a row, tried again "
            "with the next batch",
            len(uids),
            ATTEMPTS,
        )
        return False
