"""Whether a loan, a renewal or a reservation is allowed, and why not (pure).

The arguments are plain objects with attributes (duck-typed): a copy has
barcode, status, doc_type, site, latest_issue; a borrower has name, category,
expires (a date or None), blocked (a reason or ""); a loan has barcode,
doc_type, due (a date), renewals. Nothing here writes anything.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import timedelta

from rt.infodoc.circulation.rules import statuses
from rt.infodoc.circulation.rules.messages import OVERRIDABLE
from rt.infodoc.circulation.rules.messages import render


@dataclass(frozen=True)
class Refusal:
    code: str
    mapping: dict = field(default_factory=dict)

    @property
    def overridable(self):
        return self.code in OVERRIDABLE

    def text(self):
        return render(self.code, self.mapping)


@dataclass
class Decision:
    refusals: list = field(default_factory=list)
    due: object = None

    def refuse(self, code, **mapping):
        self.refusals.append(Refusal(code, mapping))

    @property
    def hard(self):
        return [r for r in self.refusals if not r.overridable]

    @property
    def soft(self):
        return [r for r in self.refusals if r.overridable]

    def allowed(self, override_reason=""):
        """True when nothing refuses, or only overridable refusals and a reason."""
        if self.hard:
            return False
        return not self.soft or bool((override_reason or "").strip())

    def texts(self):
        return [r.text() for r in self.refusals]


def _fmt(day):
    return day.strftime("%d/%m/%Y") if day else ""


def check_borrower(decision, borrower, today):
    if borrower.expires and borrower.expires < today:
        decision.refuse("borrower_expired", name=borrower.name, date=_fmt(borrower.expires))
    if getattr(borrower, "blocked", ""):
        decision.refuse("borrower_blocked", name=borrower.name, reason=borrower.blocked)


def check_loan(copy, borrower, loans, rule, calendar, today, current_loan=None, waiting=None):
    """May `borrower` take `copy` out today? `loans` are the borrower's current
    loans, `current_loan` the copy's own (if any), `waiting` the borrower id
    the copy is held for (a reservation on the pickup shelf or in transit)."""
    decision = Decision()
    if current_loan is not None and current_loan.borrower_id == borrower.id:
        # scanned again for the reader who has it: nothing else to say but when it
        # is due, and that a renewal is what keeps it longer
        decision.refuse(
            "already_lent_to_borrower",
            barcode=copy.barcode,
            name=borrower.name,
            date=_fmt(current_loan.due),
        )
        return decision
    if current_loan is not None or copy.status == statuses.EN_PRET:
        decision.refuse("already_on_loan", barcode=copy.barcode)
    elif copy.status in statuses.NEVER_LENT:
        decision.refuse(
            "never_lent", barcode=copy.barcode, status=statuses.STATUS_TITLES[copy.status]
        )
    elif copy.status in statuses.NOT_FOR_LOAN:
        decision.refuse(
            "not_for_loan", barcode=copy.barcode, status=statuses.STATUS_TITLES[copy.status]
        )
    if getattr(copy, "latest_issue", False):
        decision.refuse("latest_issue", barcode=copy.barcode)
    if waiting and waiting != borrower.id:
        decision.refuse("reserved_for_other", barcode=copy.barcode, other=waiting)
    elif copy.status == statuses.EN_TRANSIT and not waiting:
        decision.refuse("in_transit", barcode=copy.barcode, site=getattr(copy, "transit_to", ""))
    check_borrower(decision, borrower, today)
    counted = [
        loan
        for loan in loans
        if rule.counted_doc_type is None or loan.doc_type == rule.counted_doc_type
    ]
    if len(counted) >= rule.max_loans:
        decision.refuse("max_loans", name=borrower.name, count=len(counted), max=rule.max_loans)
    decision.due = calendar.due_date(today, rule.loan_days)
    return decision


def check_renewal(loan, borrower, rule, calendar, today, reserved_by_other=False):
    decision = Decision()
    if loan is None:
        return decision
    if loan.renewals >= rule.renewals:
        decision.refuse(
            "no_renewals_left", barcode=loan.barcode, count=loan.renewals, max=rule.renewals
        )
    if reserved_by_other:
        decision.refuse("renew_reserved", barcode=loan.barcode)
    if loan.due < today:
        decision.refuse("renew_overdue", barcode=loan.barcode, date=_fmt(loan.due))
    check_borrower(decision, borrower, today)
    # a renewal runs from today, never shortens the loan; one that would not move
    # the due date (on the day of the loan, or just after) is refused "too soon",
    # as Koha does (too_soon), rather than spend a renewal for nothing
    due = calendar.due_date(today, rule.loan_days)
    if due <= loan.due:
        decision.refuse(
            "renew_too_soon",
            barcode=loan.barcode,
            due=_fmt(loan.due),
            date=_fmt(first_renewal_day(loan.due, rule.loan_days, calendar, today)),
        )
    decision.due = max(loan.due, due)
    return decision


def first_renewal_day(due, loan_days, calendar, today):
    """The first day after `today` from which a renewal moves the due date."""
    day = today + timedelta(days=1)
    while calendar.due_date(day, loan_days) <= due:
        day += timedelta(days=1)
    return day


def check_reservation(
    borrower, rule, reservations, today, already_reserved, already_borrowed, lendable
):
    """May `borrower` reserve a document? `reservations`: the borrower's open ones."""
    decision = Decision()
    if not lendable:
        decision.refuse("nothing_to_reserve")
    if already_reserved:
        decision.refuse("already_reserved", name=borrower.name)
    if already_borrowed:
        decision.refuse("already_borrowed", name=borrower.name)
    if not rule.reservations:
        decision.refuse("reservations_not_allowed")
    elif len(reservations) >= rule.max_reservations:
        decision.refuse(
            "max_reservations",
            name=borrower.name,
            count=len(reservations),
            max=rule.max_reservations,
        )
    check_borrower(decision, borrower, today)
    return decision
