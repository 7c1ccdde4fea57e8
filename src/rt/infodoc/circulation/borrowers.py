"""Borrowers: register, edit, export, erase; anonymise the loan history (RGPD).

Personal data stays in the store (never in the catalog, Solr, OAI or a log
line); the history keeps only what the figures need once anonymised: the
category, the sites, the dates and the document.
"""

from datetime import date
from datetime import datetime

from zope.event import notify

from rt.infodoc.circulation import events
from rt.infodoc.circulation import records
from rt.infodoc.circulation.errors import CirculationError

FIELDS = (
    "kind",
    "name",
    "category",
    "email",
    "phone",
    "structure",
    "home_site",
    "membership_year",
    "expires",
    "member_id",
    "blocked",
    "notes",
)


def next_card(store):
    """The next free card number, "L" and six digits."""
    last = store.borrowers.maxKey() if len(store.borrowers) else ""
    n = int(last[1:]) + 1 if last[:1] == "L" and last[1:].isdigit() else len(store.borrowers) + 1
    while f"L{n:06d}" in store.borrowers:
        n += 1
    return f"L{n:06d}"


def add_borrower(store, card=None, today=None, **fields):
    card = (card or "").strip() or next_card(store)
    if card in store.borrowers:
        raise CirculationError.of("card_taken", card=card)
    if not (fields.get("name") or "").strip():
        raise CirculationError.of("name_missing")
    borrower = records.Borrower(id=card, created=today or date.today())
    update_borrower(store, borrower, **fields)
    store.borrowers[card] = borrower
    return borrower


def update_borrower(store, borrower, **fields):
    if "name" in fields and not (fields["name"] or "").strip():
        raise CirculationError.of("name_missing")
    for name in FIELDS:
        if name in fields:
            value = fields[name]
            setattr(borrower, name, value.strip() if isinstance(value, str) else value)
    return borrower


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def export_borrower(store, card):
    """Everything the site keeps about a borrower (right of access), as plain data."""
    borrower = store.borrower(card)
    if borrower is None:
        raise CirculationError.of("unknown_borrower", code=card)
    return {
        "emprunteur": {k: _plain(v) for k, v in borrower.as_dict().items()},
        "prets": [
            {k: _plain(v) for k, v in loan.as_dict().items() if k != "reminders"}
            for loan in store.history_of(card)
        ],
        "reservations": [
            {k: _plain(v) for k, v in r.as_dict().items()}
            for r in store.reservations.values()
            if r.borrower_id == card
        ],
        "visites": [
            {k: _plain(v) for k, v in visit.as_dict().items()}
            for visit in store.visits.values()
            if visit.borrower_id == card
        ],
    }


def anonymise_loan(loan):
    loan.borrower_id = None
    loan.reminders = []


def erase_borrower(store, card, portal=None):
    """Erase a borrower (right to erasure): refused while loans or reservations
    are open (cancel or return them first); their
    history, reservations and visits stay for the figures, without them."""
    borrower = store.borrower(card)
    if borrower is None:
        raise CirculationError.of("unknown_borrower", code=card)
    out = store.loans_of(card)
    if out:
        raise CirculationError.of("borrower_has_loans", name=borrower.name, count=len(out))
    waiting = store.reservations_of(card)
    if waiting:
        raise CirculationError.of(
            "borrower_has_reservations", name=borrower.name, count=len(waiting)
        )
    for loan in store.history.values():
        if loan.borrower_id == card:
            anonymise_loan(loan)
    for reservation in store.reservations.values():
        if reservation.borrower_id == card:
            reservation.borrower_id = ""
    for visit in store.visits.values():
        if visit.borrower_id == card:
            visit.borrower_id = None
    del store.borrowers[card]
    if card in store.loans_by_borrower:
        del store.loans_by_borrower[card]
    notify(events.BorrowerErasedEvent(portal, card))
    return borrower


def anonymise_history(store, before):
    """Closed loans returned before `before` (a datetime) and visits older than
    it lose their borrower; the number changed. Safe to run twice."""
    changed = 0
    for loan in store.history.values(max=int(before.timestamp() * 1000) << 16):
        if loan.returned is not None and loan.returned < before and loan.borrower_id:
            anonymise_loan(loan)
            changed += 1
    for visit in store.visits.values(max=int(before.timestamp() * 1000) << 16):
        if visit.borrower_id:
            visit.borrower_id = None
            changed += 1
    for reservation in store.reservations.values(max=int(before.timestamp() * 1000) << 16):
        if reservation.status not in records.Reservation.OPEN and reservation.borrower_id:
            reservation.borrower_id = ""
            changed += 1
    return changed
