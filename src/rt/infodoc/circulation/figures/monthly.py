"""A month of counters in one persistent object that merges concurrent writes.

Each loan, return or visit adds one to five to seven counters of its month
(counters.py ``keys``). Kept as one ``BTrees.Length`` each, a loan wrote that
many objects, and every other desk's Zope had to load them all again after
each commit; ten desks spent more time reloading counters than lending. A
``MonthCounts`` holds every counter of one month in a dict: one object written
per operation. Like ``Length``, it resolves write conflicts itself by adding
both sides' increments (``_p_resolveConflict``, run by the storage server, so
this module imports nothing but ``persistent``): two desks counting at the
same moment never make a request retry and never lose a count.
"""

from persistent import Persistent


def month_of(key):
    """The month ("2026-12") of a counter key ``kind|year|month|...``."""
    parts = key.split("|")
    return f"{int(parts[1]):04d}-{int(parts[2]):02d}"


class MonthCounts(Persistent):
    def __init__(self, counts=None):
        self.counts = dict(counts or {})

    def add(self, keys, step=1):
        counts = dict(self.counts)
        for key in keys:
            counts[key] = counts.get(key, 0) + step
        self.counts = counts  # a new dict: the object is marked changed

    def items(self):
        return self.counts.items()

    def _p_resolveConflict(self, old, committed, new):
        """``committed`` plus what ``new`` added to ``old``, counter by counter."""
        before = (old or {}).get("counts", {})
        merged = dict(committed.get("counts", {}))
        for key, count in new.get("counts", {}).items():
            step = count - before.get(key, 0)
            if step:
                merged[key] = merged.get(key, 0) + step
        resolved = dict(committed)
        resolved["counts"] = merged
        return resolved
