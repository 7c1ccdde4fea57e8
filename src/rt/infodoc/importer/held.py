"""Records held apart for a documentaliste, kept in the import state (ZODB).

A repaired record that would have changed or hidden an existing Notice is kept
here with its raw bytes (the uploaded file is deleted after its import), the
French reason and the Notice at stake, until a documentaliste accepts it from the
import page (``accept.py``).  Entries are keyed by the SHA-1 of the record's raw
bytes: the same damaged record read again (next day's file) is the same entry,
and once accepted it is imported like a sound record by every later run (the
runner never stores an accepted entry again).  They
are plain dicts of plain values, written in the transaction of their batch.
"""

from datetime import datetime

from .batches import now_iso
from .damage import ACCEPTED
from .damage import HELD
from .damage import REJECTED

STATUS_LABELS = {
    HELD: "en attente de vérification",
    ACCEPTED: "acceptée",
    REJECTED: "rejetée",
}


def held_store(state, create=False):
    """The OOBTree of held records (digest -> entry), or None without a state."""
    return state.held if state is not None else None


def get(state, digest):
    store = held_store(state)
    if not store or not digest:
        return None
    return store.get(digest)


def remember(state, digest, entry: dict) -> dict:
    """Store ``entry`` (held or rejected by this run) for ``digest``; the same
    record seen before keeps the date it was first seen."""
    store = held_store(state, create=True)
    now = now_iso()
    previous = store.get(digest) or {}
    entry = dict(entry, digest=digest, last_seen=now, first_seen=previous.get("first_seen", now))
    entry.setdefault("status", HELD)
    store[digest] = entry
    return entry


def update(state, digest, **changes) -> dict | None:
    store = held_store(state)
    if not store or digest not in store:
        return None
    entry = store[digest] = dict(store[digest], **changes)
    return entry


def pending(state) -> list:
    """Entries waiting for a documentaliste, most recently seen first."""
    store = held_store(state)
    if not store:
        return []
    entries = [entry for entry in store.values() if entry.get("status") == HELD]
    return sorted(entries, key=lambda entry: entry.get("last_seen", ""), reverse=True)


def date_fr(iso) -> str:
    """ "06/12/2026 à 10:05" (local time) from an ISO date-time; "?" when unknown."""
    try:
        when = datetime.fromisoformat(iso).astimezone()
    except (TypeError, ValueError):
        return "?"
    return when.strftime("%d/%m/%Y à %H:%M")
