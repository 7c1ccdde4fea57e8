"""Copies: create, edit, remove, and merge those of an imported record.

A copy is keyed by its barcode (unique in the site). The importer's 995/852
copies are merged by barcode: call number, section and site follow the
catalogue, the circulation state (status, holds, transit) stays ours, so an
import update never brings a lent copy back to "disponible".
"""

from rt.infodoc.circulation import records
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.rules import statuses
from rt.infodoc.circulation.rules.policy import CENTRE
from rt.infodoc.circulation.rules.policy import SITES
from rt.infodoc.circulation.store import _index_add
from rt.infodoc.circulation.store import _index_remove

EDITABLE = ("call_number", "site", "section", "status", "notes")
# fields the catalogue (MARC 995/852) owns on an imported copy
CATALOGUE = ("call_number", "section", "site")


def _clean(value):
    return str(value or "").strip()


def site_code(text, sites=SITES, default=CENTRE):
    """A site code from an imported location ("Foix", "Saint Gaudens", "albi")."""
    folded = statuses._fold(text).replace(" ", "-").replace("'", "-")
    if folded in sites:
        return folded
    for code in sites:
        if code in folded:
            return code
    return default


def _refusal(code, **mapping):
    return CirculationError.of(code, **mapping).refusals[0]


def validate(store, rows, uid, sites):
    """Refusals for a whole edit of a record's copies (rows: dicts), or [].

    A refusal about a row names it (``row``: the row's ``n`` when it has one,
    else its place) so the form can mark the field; a barcode taken by another
    record names that record (``uid``)."""
    refusals = []
    seen = set()
    for place, row in enumerate(rows):
        where = {"row": row.get("n", place)}
        barcode = _clean(row.get("barcode"))
        if not barcode:
            refusals.append(_refusal("barcode_missing", **where))
            continue
        other = store.copy(barcode)
        if barcode in seen:
            refusals.append(_refusal("barcode_twice", barcode=barcode, **where))
        elif other is not None and other.uid != uid:
            refusals.append(_refusal("barcode_taken", barcode=barcode, uid=other.uid, **where))
        seen.add(barcode)
        if _clean(row.get("site")) and _clean(row.get("site")) not in sites:
            refusals.append(_refusal("unknown_site", site=row.get("site"), field="site", **where))
    for copy in store.copies_of(uid):
        if copy.barcode in seen:
            continue
        if store.loan(copy.barcode) is not None:
            refusals.append(_refusal("copy_on_loan", barcode=copy.barcode))
        elif copy.status in statuses.CIRCULATING:
            status = statuses.STATUS_TITLES[copy.status]
            refusals.append(_refusal("copy_circulating", barcode=copy.barcode, status=status))
    return refusals


def add_copy(store, uid, barcode, doc_type="", **fields):
    barcode = _clean(barcode)
    if not barcode:
        raise CirculationError.of("barcode_missing")
    if barcode in store.copies:
        raise CirculationError.of("barcode_taken", barcode=barcode)
    copy = records.Copy(barcode=barcode, uid=uid, doc_type=doc_type or "")
    for name in EDITABLE + ("latest_issue", "imported"):
        if name in fields and fields[name] is not None:
            setattr(copy, name, fields[name])
    if copy.status not in statuses.STATUS_TITLES:
        copy.status = statuses.status_from_import(copy.status)
    store.copies[barcode] = copy
    _index_add(store.copies_by_uid, uid, barcode)
    if barcode not in store.current:
        store.current[barcode] = 0  # its key in the guard, made now: a loan never inserts one
    return copy


def remove_copy(store, barcode):
    copy = store.copy(barcode)
    if copy is None:
        raise CirculationError.of("unknown_copy", barcode=barcode)
    if store.loan(copy.barcode) is not None:
        raise CirculationError.of("copy_on_loan", barcode=copy.barcode)
    del store.copies[copy.barcode]
    _index_remove(store.copies_by_uid, copy.uid, copy.barcode)
    if copy.barcode in store.transit:
        del store.transit[copy.barcode]
    return copy


def save_copies(store, uid, rows, doc_type="", sites=None):
    """Replace a record's copies by `rows` (the edit form); nothing written on
    a refusal. A lent copy cannot be removed; a status set by the desk
    (en prêt, réservé, en transit) is not changed from the form."""
    refusals = validate(store, rows, uid, sites or ())
    if refusals:
        raise CirculationError(refusals)
    keep = {_clean(row["barcode"]) for row in rows}
    for copy in store.copies_of(uid):
        if copy.barcode not in keep:
            remove_copy(store, copy.barcode)
    for row in rows:
        barcode = _clean(row["barcode"])
        copy = store.copy(barcode)
        if copy is None:
            add_copy(store, uid, barcode, doc_type, **{k: row.get(k) for k in EDITABLE})
            continue
        for name in EDITABLE:
            if name not in row:
                continue
            value = _clean(row[name])
            if name == "status" and (
                copy.status in statuses.CIRCULATING or value in statuses.CIRCULATING
            ):
                continue
            if name == "status" and value not in statuses.STATUS_TITLES:
                continue
            setattr(copy, name, value)
        copy.doc_type = doc_type or copy.doc_type
    return store.copies_of(uid)


def merge_imported(store, uid, items, doc_type=""):
    """Merge the copies of an imported record (995/852 dicts: barcode,
    call_number, section, status, site). New barcodes are created with the
    imported status; existing ones take the catalogue fields only. Copies
    without a barcode are named after the record (``<uid8>-<n>``). The copies
    created, as a list."""
    created = []
    for n, item in enumerate(items or (), start=1):
        if not item:
            continue
        barcode = _clean(item.get("barcode")) or f"{uid[:8]}-{n}"
        copy = store.copy(barcode)
        if copy is None:
            created.append(
                add_copy(
                    store,
                    uid,
                    barcode,
                    doc_type,
                    call_number=_clean(item.get("call_number")),
                    section=_clean(item.get("section")),
                    site=site_code(item.get("site")),
                    status=statuses.status_from_import(item.get("status")),
                    imported=True,
                )
            )
            continue
        if copy.uid != uid:
            continue  # the barcode belongs to another record: never steal it
        for name in CATALOGUE:
            value = _clean(item.get(name))
            if value:
                setattr(copy, name, site_code(value) if name == "site" else value)
        copy.doc_type = doc_type or copy.doc_type
    return created
