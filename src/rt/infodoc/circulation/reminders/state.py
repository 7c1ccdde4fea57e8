"""What was sent: loan id -> highest reminder level sent, and the last runs.

Kept by the reminders themselves (an annotation of the site), so the desk's
records stay read-only here; a returned loan's entry is dropped by the next run.
"""

import datetime

from BTrees.LOBTree import LOBTree
from BTrees.OOBTree import OOBTree
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations

KEY = "rt.infodoc.circulation.reminders"
KEPT_RUNS = 30


def _state(portal):
    annotations = IAnnotations(portal)
    state = annotations.get(KEY)
    if state is None:
        state = annotations[KEY] = OOBTree()
        state["sent"] = LOBTree()
        state["runs"] = PersistentList()
    return state


def sent(portal):
    return _state(portal)["sent"]


def _key(loan_id):
    return int(loan_id)


def record_sent(portal, loan_id, level):
    tree = sent(portal)
    key = _key(loan_id)
    if tree.get(key, 0) < level:
        tree[key] = level


def forget_returned(portal, current_ids):
    tree = sent(portal)
    for key in [k for k in tree.keys() if k not in current_ids]:
        del tree[key]


def record_run(portal, summary):
    runs = _state(portal)["runs"]
    runs.append(dict(summary, when=datetime.datetime.now().isoformat(timespec="seconds")))
    del runs[:-KEPT_RUNS]


def last_runs(portal):
    return list(reversed(_state(portal)["runs"]))
