"""Persistent deleted records: what a harvester must learn was withdrawn.

A tombstone is left when a disseminated record is deleted, withdrawn
(published -> private) or restricted (published -> members); republishing
removes it. The store lives in the site's annotations, so every Zope client
sees the same one.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

from rt.infodoc.oaiprovider.keys import make_key
from rt.infodoc.oaiprovider.keys import split_key

ANNOTATION = "rt.infodoc.oai.tombstones"


class TombstoneStore(Persistent):
    """uid -> (key, sets, portal_type), with an index by key for paging."""

    def __init__(self):
        self.by_uid = OOBTree()
        self.by_key = OOBTree()

    def add(self, uid, datestamp, sets=(), portal_type=""):
        self.remove(uid)
        key = make_key(datestamp, uid)
        self.by_uid[uid] = (key, tuple(sets), portal_type)
        self.by_key[key] = uid
        return key

    def remove(self, uid):
        entry = self.by_uid.get(uid)
        if entry is None:
            return False
        del self.by_uid[uid]
        self.by_key.pop(entry[0], None)
        return True

    def get(self, uid):
        """(aware datestamp, sets, portal_type) or None."""
        entry = self.by_uid.get(uid)
        if entry is None:
            return None
        return split_key(entry[0])[0], entry[1], entry[2]

    def keys(self, lo=None, hi=None, exclude_lo=False):
        """(key, uid) pairs in key order, ``lo``/``hi`` inclusive bounds."""
        return self.by_key.items(min=lo, max=hi, excludemin=exclude_lo and lo is not None)

    def first_key(self):
        return self.by_key.minKey() if len(self.by_key) else None

    def __len__(self):
        return len(self.by_uid)

    def __contains__(self, uid):
        return uid in self.by_uid


def get_store(site, create=True):
    annotations = IAnnotations(site)
    store = annotations.get(ANNOTATION)
    if store is None and create:
        store = annotations[ANNOTATION] = TombstoneStore()
    return store
