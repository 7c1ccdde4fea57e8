"""Circulation follows content, and the index follows circulation.

- A copy's status changed (loan, return, hold, transfer): the record's
  availability is reindexed (catalog and Solr): in a WSGI server just after
  the desk's commit, by the process's follower (follower.py), elsewhere in the
  same transaction; search results change within a second. Only the indexes whose
  value changed, and without the catalog's metadata (neither is a column): a
  record with several copies often stays "empruntable", and a reindex writes
  index counters that every other desk's Zope must then load again.
- A record is imported, created or edited with MARC copies (995/852): they
  are merged into the store by barcode, never resetting a copy's circulation
  state (Plone's added/modified events, and the importer's IBatchWritten for
  the Notices its bulk writer wrote without them).
"""

from plone import api

from rt.infodoc.circulation import copies
from rt.infodoc.circulation import follower
from rt.infodoc.circulation.reindexing import changed_indexes
from rt.infodoc.circulation.reindexing import reindex_record
from rt.infodoc.circulation.store import get_store


def reindex_availability(event):
    uid = getattr(event, "uid", None)
    if not uid:
        return
    if follower.deferred():  # in a WSGI server: just after the commit (follower.py)
        follower.follow(event.site, uid)
    else:
        reindex_record(uid)


def _portal():
    try:
        return api.portal.get()
    except api.exc.CannotGetPortalError:
        return None


def merge_record_copies(obj, event=None):
    """Copies of a Notice's ``items`` (imported 995/852) into the store."""
    items = getattr(obj.aq_base if hasattr(obj, "aq_base") else obj, "items", None)
    if not items or not isinstance(items, (list, tuple)):
        return
    portal = _portal()
    if portal is None:
        return
    store = get_store(portal, create=True)
    copies.merge_imported(
        store,
        obj.UID(),
        [dict(i) for i in items if hasattr(i, "get")],
        getattr(obj, "document_type", "") or "",
    )
    if event is not None:  # a record saved one at a time (not an import batch)
        changed = changed_indexes(obj)
        if changed:  # indexed before its copies reached the store
            obj.reindexObject(idxs=changed, update_metadata=0)


def merge_batch_copies(event):
    for obj in list(event.created) + list(event.updated):
        merge_record_copies(obj)


def refresh_latest_issue(issue):
    """The copies of a periodical's latest issue (by date, else by position) are
    not lent; those of the earlier issues are."""
    periodical = issue.aq_parent
    portal = _portal()
    store = get_store(portal) if portal is not None else None
    if store is None:
        return
    issues = [o for o in periodical.objectValues() if o.portal_type == "NumeroPeriodique"]
    if not issues:
        return
    dated = [o for o in issues if getattr(o, "date", None)]
    latest = max(dated, key=lambda o: o.date) if dated else issues[-1]
    for obj in issues:
        for copy in store.copies_of(obj.UID()):
            flag = obj is latest or obj.UID() == latest.UID()
            if copy.latest_issue != flag:
                copy.latest_issue = flag


def issue_added(obj, event=None):
    refresh_latest_issue(obj)
