"""An update never loses a Notice's match keys by accident (pure Python).

The 001 (COSOTer identifier), ISBNs and ISSN are how the next import, the OAI
harvest and the readers find a Notice.  An update rewrites every imported field
from the record, so a record that lacks a key the Notice has would erase it:

- the 001 is never removed: a record without one says nothing about the
  identifier (it was matched by ISBN, or its 001 was damaged), so the Notice
  keeps its own;
- an ISBN or the ISSN the record no longer carries is removed only when the
  record is sound (``damaged`` false): the catalogue upstream really dropped it.
  A repaired record (accepted by a documentaliste) may have lost it in the
  damage, so the Notice keeps it.

Every key kept or removed is returned as a change for the report.  The record's
content hash is computed before this merge, so the same record read again is
still recognised as unchanged.
"""

from rt.infodoc.indexers.values import normalize_isbn

KEPT = "kept"
REMOVED = "removed"

LABELS = {"cosoter_id": "identifiant COSOTer (001)", "isbn": "ISBN", "issn": "ISSN"}


def notice_keys(obj) -> dict:
    """The match keys an existing Notice holds."""
    return {
        "cosoter_id": getattr(obj, "cosoter_id", None) or None,
        "isbn": list(getattr(obj, "isbn", None) or []),
        "issn": getattr(obj, "issn", None) or None,
    }


def _norm(value) -> str:
    return normalize_isbn(value or "")


def merge_keys(existing: dict, mapped: dict, damaged: bool):
    """(mapped with the keys to keep, [change]) for an update of a Notice.

    ``existing`` is ``notice_keys`` of the Notice; ``mapped`` the record's Notice
    dict (not changed: a copy is returned when a key is kept).
    """
    changes = []
    merged = dict(mapped)
    old_id = existing.get("cosoter_id")
    if old_id and not (mapped.get("cosoter_id") or "").strip():
        merged["cosoter_id"] = old_id
        changes.append({"field": "cosoter_id", "values": [old_id], "change": KEPT})
    new_isbns = list(mapped.get("isbn") or [])
    present = {_norm(value) for value in new_isbns}
    missing = [v for v in existing.get("isbn") or [] if _norm(v) and _norm(v) not in present]
    if missing:
        if damaged:
            merged["isbn"] = new_isbns + missing
        changes.append({"field": "isbn", "values": missing, "change": KEPT if damaged else REMOVED})
    old_issn = existing.get("issn")
    if old_issn and _norm(old_issn) != _norm(mapped.get("issn")):
        if damaged:
            merged["issn"] = old_issn
        change = {"field": "issn", "values": [old_issn], "change": KEPT if damaged else REMOVED}
        if mapped.get("issn"):
            change["instead"] = mapped["issn"]
        changes.append(change)
    return merged, changes


def change_text(change: dict) -> str:
    """French sentence for one change ("ISBN 2-07-… conservé : …")."""
    label = LABELS[change["field"]]
    values = ", ".join(change["values"])
    if change["change"] == KEPT:
        if change["field"] == "cosoter_id":
            return f"{label} {values} conservé : la notice importée n'en porte pas"
        if change.get("instead"):
            return (
                f"{label} {values} conservé : la notice importée, réparée à la lecture, "
                f"porte {change['instead']}"
            )
        return f"{label} {values} conservé : la notice importée, réparée à la lecture, ne le porte plus"
    if change.get("instead"):
        return f"{label} {values} remplacé par {change['instead']} (notice importée saine)"
    return f"{label} {values} supprimé : la notice importée (saine) ne le porte plus"
