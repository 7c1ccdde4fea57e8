"""The figures' counters, kept in the site (an annotation of the portal).

An OOBTree "month#shard" ("2026-12#5") -> ``MonthCounts`` (monthly.py): a loan,
a return or a visit writes one object, which resolves its own write conflicts
by adding both increments, so ten desks lending at once never make a loan
retry because of the figures, and never lose a count. Each database connection
(a Zope process has a few, one per request at a time) writes the shard its
identity names: a desk's next operation on that connection finds the shard as
it left it in the connection's cache, instead of loading again a month's
object that every other desk has just changed. The page adds the shards up. Counter keys are
those of counters.py.
"""

import os
import zlib

from BTrees.OOBTree import OOBTree
from zope.annotation.interfaces import IAnnotations

from rt.infodoc.circulation.figures.monthly import MonthCounts
from rt.infodoc.circulation.figures.monthly import month_of

KEY = "rt.infodoc.circulation.figures.months"
OLD_KEY = "rt.infodoc.circulation.figures"  # before 20261206100: key -> Length
SHARDS = 64


def months(portal, create=True):
    """The OOBTree month -> MonthCounts of the site (None if absent and not
    ``create``)."""
    annotations = IAnnotations(portal)
    tree = annotations.get(KEY)
    if tree is None and create:
        tree = annotations[KEY] = OOBTree()
    return tree


def _shard(portal=None):
    connection = getattr(portal, "_p_jar", None)
    return zlib.crc32(f"{os.getpid()}-{id(connection)}".encode()) % SHARDS


def add(portal, keys, step=1):
    by_month = {}
    for key in keys:
        by_month.setdefault(month_of(key), []).append(key)
    tree = months(portal)
    shard = _shard(portal)
    for month, month_keys in by_month.items():
        name = f"{month}#{shard}"
        bag = tree.get(name)
        if bag is None:
            tree[name] = bag = MonthCounts()
        bag.add(month_keys, step)


def read(portal):
    """{key: count} of the site's counters."""
    tree = months(portal, create=False)
    counts = {}
    for bag in tree.values() if tree is not None else ():
        for key, count in bag.items():
            counts[key] = counts.get(key, 0) + count
    return {key: count for key, count in counts.items() if count}


def replace(portal, counts):
    """Set the counters to ``counts`` (a rebuild from the loan history)."""
    by_month = {}
    for key, count in counts.items():
        if count:
            by_month.setdefault(month_of(key), {})[key] = count
    tree = months(portal)
    tree.clear()
    for month, month_counts in by_month.items():
        tree[f"{month}#0"] = MonthCounts(month_counts)


def migrate(portal):
    """Counters of before 20261206100 (one Length per key) into month objects;
    the number of counters moved. Safe to run twice."""
    annotations = IAnnotations(portal)
    old = annotations.get(OLD_KEY)
    if old is None:
        return 0
    counts = {key: length() for key, length in old.items()}
    replace(portal, counts)
    del annotations[OLD_KEY]
    return len(counts)
