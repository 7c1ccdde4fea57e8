"""The figures' counters, kept in the site (an annotation of the portal).

An OOBTree month ("2026-12") -> ``MonthCounts`` (monthly.py): a loan, a return or
a visit writes the one object of its month, which resolves its own write
conflicts by adding both increments, so ten desks lending at once never make a
loan retry because of the figures, and never lose a count. Counter keys are
those of counters.py.
"""

from BTrees.OOBTree import OOBTree
from zope.annotation.interfaces import IAnnotations

from rt.infodoc.circulation.figures.monthly import MonthCounts
from rt.infodoc.circulation.figures.monthly import month_of

KEY = "rt.infodoc.circulation.figures.months"
OLD_KEY = "rt.infodoc.circulation.figures"  # before 20261206100: key -> Length


def months(portal, create=True):
    """The OOBTree month -> MonthCounts of the site (None if absent and not
    ``create``)."""
    annotations = IAnnotations(portal)
    tree = annotations.get(KEY)
    if tree is None and create:
        tree = annotations[KEY] = OOBTree()
    return tree


def add(portal, keys, step=1):
    by_month = {}
    for key in keys:
        by_month.setdefault(month_of(key), []).append(key)
    tree = months(portal)
    for month, month_keys in by_month.items():
        bag = tree.get(month)
        if bag is None:
            tree[month] = bag = MonthCounts()
        bag.add(month_keys, step)


def read(portal):
    """{key: count} of the site's counters."""
    tree = months(portal, create=False)
    if tree is None:
        return {}
    return {key: count for bag in tree.values() for key, count in bag.items() if count}


def replace(portal, counts):
    """Set the counters to ``counts`` (a rebuild from the loan history)."""
    by_month = {}
    for key, count in counts.items():
        if count:
            by_month.setdefault(month_of(key), {})[key] = count
    tree = months(portal)
    tree.clear()
    for month, month_counts in by_month.items():
        tree[month] = MonthCounts(month_counts)


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
