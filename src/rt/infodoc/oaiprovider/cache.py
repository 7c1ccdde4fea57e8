"""Serialised metadata per record and format, kept between requests.

Entries are keyed by UID and carry the record's ``oai_key`` (datestamp + UID):
an entry whose key differs from the catalog's current one is stale (the record
was modified or republished) and is rebuilt on the next read. Each entry is its
own persistent object, so filling one rewrites only that record, not a whole
bucket of bytes.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

ANNOTATION = "rt.infodoc.oai.metadata_cache"


class CachedRecord(Persistent):
    def __init__(self, key):
        self.key = key
        self.formats = {}

    def put(self, prefix, data):
        self.formats[prefix] = data
        self._p_changed = True


class MetadataCache(Persistent):
    def __init__(self):
        self.entries = OOBTree()

    def get(self, uid, key, prefix):
        """The bytes cached for this version of the record, else None."""
        entry = self.entries.get(uid)
        if entry is None or entry.key != key:
            return None
        return entry.formats.get(prefix)

    def put(self, uid, key, prefix, data):
        entry = self.entries.get(uid)
        if entry is None or entry.key != key:
            entry = self.entries[uid] = CachedRecord(key)
        entry.put(prefix, data)

    def drop(self, uid):
        self.entries.pop(uid, None)

    def __len__(self):
        return len(self.entries)


def get_cache(site, create=True):
    annotations = IAnnotations(site)
    cache = annotations.get(ANNOTATION)
    if cache is None and create:
        cache = annotations[ANNOTATION] = MetadataCache()
    return cache
