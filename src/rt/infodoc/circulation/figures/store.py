"""The figures' counters, kept in the site (an annotation of the portal).

One ``BTrees.Length.Length`` per counter key (counters.py): Length resolves its
own write conflicts by adding both increments, so ten desks lending at once never
make a loan retry because of the figures, and never lose a count.
"""

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from zope.annotation.interfaces import IAnnotations

KEY = "rt.infodoc.circulation.figures"


def counters(portal, create=True):
    """The OOBTree key -> Length of the site (None if absent and not ``create``)."""
    annotations = IAnnotations(portal)
    tree = annotations.get(KEY)
    if tree is None and create:
        tree = annotations[KEY] = OOBTree()
    return tree


def add(portal, keys, step=1):
    tree = counters(portal)
    for key in keys:
        length = tree.get(key)
        if length is None:
            tree[key] = length = Length(0)
        length.change(step)


def read(portal):
    """{key: count} of the site's counters."""
    tree = counters(portal, create=False)
    if tree is None:
        return {}
    return {key: length() for key, length in tree.items()}


def replace(portal, counts):
    """Set the counters to ``counts`` (a rebuild from the loan history)."""
    tree = counters(portal)
    tree.clear()
    for key, count in counts.items():
        if count:
            tree[key] = Length(count)
