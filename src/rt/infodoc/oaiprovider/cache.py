"""Serialised metadata per record and format, kept between requests.

One OOBTree per metadata prefix maps a record's ``oai_key`` (``"<datestamp>/<UID>"``,
see :mod:`.keys`) to its bytes. Lists page in key order, so the records of a
page sit side by side in a few buckets: a page of 100 records loads a handful
of persistent objects instead of one per record, and a full harvest keeps only
those buckets in the ZODB cache.

An entry is looked up under the record's current key, so a modified or
republished record (whose key moved) misses and is rebuilt. The entry left
under the old key is stale: :meth:`MetadataCache.sweep` removes the entries of
a key range that no catalog record holds any more, and :meth:`drop` removes a
record's entry when its URL changes (move) or it leaves the repository.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

ANNOTATION = "rt.infodoc.oai.metadata_cache.by_key"
# The cache of earlier versions (one persistent object per record), dropped
# when met: it is only a cache.
LEGACY_ANNOTATION = "rt.infodoc.oai.metadata_cache"


# Bumped when what the producers write changes, so that entries written the old
# way are never served: a cache of another generation is dropped when met.
# 2: the MARC formats carry the centre's own changes (marc.outgoing).
GENERATION = 2


class MetadataCache(Persistent):
    """prefix -> OOBTree(oai_key -> bytes)."""

    generation = 1  # caches written before generations were counted

    def __init__(self):
        self.formats = OOBTree()
        self.generation = GENERATION

    def tree(self, prefix, create=False):
        tree = self.formats.get(prefix)
        if tree is None and create:
            tree = self.formats[prefix] = OOBTree()
        return tree

    def get(self, key, prefix):
        """The bytes cached for this version of the record, else None."""
        tree = self.formats.get(prefix)
        return None if tree is None else tree.get(key)

    def put(self, key, prefix, data):
        tree = self.tree(prefix, create=True)
        if tree.get(key) != data:
            tree[key] = data

    def drop(self, key):
        """Forget a record's entries in every format."""
        for tree in self.formats.values():
            tree.pop(key, None)

    def sweep(self, prefix, lo, hi, is_current):
        """Remove the entries of ``prefix`` with ``lo <= key <= hi`` for which
        ``is_current(key)`` is false; returns how many were removed."""
        tree = self.formats.get(prefix)
        if tree is None:
            return 0
        stale = [key for key in tree.keys(min=lo, max=hi) if not is_current(key)]
        for key in stale:
            del tree[key]
        return len(stale)

    def __len__(self):
        return sum(len(tree) for tree in self.formats.values())


class CachedRecord(Persistent):
    """An entry of the legacy cache: kept so that its pickles still load."""


def get_cache(site, create=True):
    annotations = IAnnotations(site)
    cache = annotations.get(ANNOTATION)
    if cache is not None and cache.generation != GENERATION:
        if not create:
            return None
        cache = None
    if cache is None and create:
        if LEGACY_ANNOTATION in annotations:
            del annotations[LEGACY_ANNOTATION]
        cache = annotations[ANNOTATION] = MetadataCache()
    return cache
