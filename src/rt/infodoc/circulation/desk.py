"""The desk's operations: check the rules, write the store, fire the events.

Everything that changes circulation goes through a ``Desk``. Each operation
first gathers every refusal (rules/check.py) and raises ``CirculationError``
before its first write, so a refused request leaves nothing behind; the
writes of an accepted one belong to the request's transaction (all or
nothing). Zope-light: the store, the policy, the calendar and the clock are
given; ``desk_for(portal, request)`` (settings.py) builds one for a request.
"""

import os
import time
from datetime import datetime

from zope.event import notify

from rt.infodoc.circulation import events
from rt.infodoc.circulation import records
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.rules import check
from rt.infodoc.circulation.rules import statuses
from rt.infodoc.circulation.store import _index_add
from rt.infodoc.circulation.store import _index_remove
from rt.infodoc.circulation.store import unused_id

PAUSE_ENV = "RT_INFODOC_LEND_PAUSE"


def pause_before_writing():
    """``RT_INFODOC_LEND_PAUSE=0.5`` holds every loan half a second between its
    checks and its writes, so that the test of two desks lending one copy
    (tests/circulation/test_concurrent_zeo.py) makes them overlap for sure.
    Unset, it costs one dictionary lookup."""
    pause = os.environ.get(PAUSE_ENV)
    if pause:
        time.sleep(float(pause))


LENDABLE_STATUSES = (statuses.DISPONIBLE, statuses.RESERVE, statuses.EN_TRANSIT, statuses.EN_PRET)


class Desk:
    def __init__(
        self,
        portal,
        store,
        policy,
        calendar,
        staff="",
        staff_site=None,
        now=None,
        hold_days=7,
        site_titles=None,
    ):
        self.portal = portal
        self.site_titles = site_titles or {}  # code -> name (or a function giving them)
        self.store = store
        self.policy = policy
        self.calendar = calendar
        self.staff = staff
        self.staff_site = staff_site  # None: every site; else relay staff of that site
        self._now = now
        self.hold_days = hold_days

    # ---------------------------------------------------------------- helpers

    def now(self):
        return self._now() if callable(self._now) else (self._now or datetime.now())

    def today(self):
        return self.now().date()

    def _site(self, site):
        """The site an operation happens at: the one given, else the staff's,
        else the centre. A code that is not one of the sites is refused before
        anything is written (it would end up in the loans and the figures)."""
        site = (site or self.staff_site or self.policy.centre or "").strip()
        if self.staff_site and site != self.staff_site:
            raise CirculationError.of("site_forbidden", site=self.staff_site)
        self.known_site(site)
        return site

    def known_site(self, site):
        """`site` when it is one of the sites' codes; else ``unknown_site``."""
        if site not in self.policy.sites:
            raise CirculationError.of("unknown_site", site=site)
        return site

    def site_title(self, code):
        """A site's name for a message ("Toulouse" for "toulouse")."""
        titles = self.site_titles() if callable(self.site_titles) else self.site_titles
        return titles.get(code, code)

    def _copy(self, barcode):
        copy = self.store.copy(barcode)
        if copy is None:
            raise CirculationError.of("unknown_copy", barcode=(barcode or "").strip())
        return copy

    def _borrower(self, card):
        borrower = self.store.borrower(card)
        if borrower is None:
            raise CirculationError.of("unknown_borrower", code=(card or "").strip())
        return borrower

    @staticmethod
    def _decide(decision, override):
        if not decision.allowed(override):
            raise CirculationError(decision.refusals)
        return [r.code for r in decision.soft]

    def _status_changed(self, copy, borrower=None):
        notify(events.CopyStatusEvent(self.portal, copy=copy, borrower=borrower, uid=copy.uid))

    # ---------------------------------------------------------------- lending

    def lend(self, barcode, card, site=None, override=""):
        """Lend a copy to a borrower at a site; the new Loan."""
        site = self._site(site)
        copy = self._copy(barcode)
        borrower = self._borrower(card)
        rule = self.policy.rule_for(borrower.category, copy.doc_type, site)
        waiting = copy.held_for if copy.status in (statuses.RESERVE, statuses.EN_TRANSIT) else None
        decision = check.check_loan(
            copy,
            borrower,
            self.store.loans_of(borrower.id),
            rule,
            self.calendar,
            self.today(),
            current_loan=self.store.loan(copy.barcode),
            waiting=waiting,
        )
        overridden = self._decide(decision, override)
        pause_before_writing()
        loan = records.Loan(
            id=unused_id(self.store.history, self.now()),
            barcode=copy.barcode,
            uid=copy.uid,
            doc_type=copy.doc_type,
            borrower_id=borrower.id,
            category=borrower.category,
            site=site,
            start=self.now(),
            due=decision.due,
            override=(override or "").strip() if overridden else "",
            overridden=overridden,
            staff=self.staff,
        )
        # the guard: one key per copy in store.current; a concurrent write of the
        # same key is a write conflict at commit (BTrees refuse to merge it)
        self.store.lent(loan)
        for reservation in self.store.reservations_of(borrower.id):
            if reservation.uid == copy.uid:
                self._close_reservation(reservation, "retiree")
        if copy.transit_to:
            self._end_transit(copy, "annule")
        copy.status = statuses.EN_PRET
        copy.held_for = ""
        notify(events.LoanEvent(self.portal, copy=copy, borrower=borrower, loan=loan))
        self._status_changed(copy, borrower)
        return loan

    def renew(self, barcode, override="", card=None):
        """Move the due date of a current loan; the Loan. `card`: the borrower
        who asks (online renewal: only their own loans)."""
        copy = self._copy(barcode)
        loan = self.store.loan(copy.barcode)
        if loan is None:
            raise CirculationError.of("not_on_loan", barcode=copy.barcode)
        if card is not None and loan.borrower_id != card:
            raise CirculationError.of("not_on_loan", barcode=copy.barcode)
        if self.staff_site and loan.site != self.staff_site:
            raise CirculationError.of("site_forbidden", site=self.staff_site)
        borrower = self._borrower(loan.borrower_id)
        rule = self.policy.rule_for(borrower.category, loan.doc_type, loan.site)
        reserved = any(
            r.status == "en-attente" and r.borrower_id != borrower.id
            for r in self.store.queue(copy.uid)
        )
        decision = check.check_renewal(
            loan, borrower, rule, self.calendar, self.today(), reserved_by_other=reserved
        )
        overridden = self._decide(decision, override)
        loan.due = decision.due
        loan.renewals += 1
        if overridden:
            loan.overridden = list(loan.overridden) + overridden
            loan.override = "; ".join(x for x in (loan.override, override.strip()) if x)
        notify(events.RenewEvent(self.portal, copy=copy, borrower=borrower, loan=loan))
        return loan

    def give_back(self, barcode, site=None):
        """Take a copy back at a site (any site); the closed Loan, or None for a
        copy that was only travelling (received). ``copy.status`` then says
        where it goes: reserve (pickup shelf), en-transit (``transit_to``) or
        disponible (shelf)."""
        site = self._site(site)
        copy = self._copy(barcode)
        loan = self.store.loan(copy.barcode)
        if loan is None:
            if copy.barcode in self.store.transit:
                self.receive(copy.barcode, site)
                return None
            if copy.status == statuses.EN_PRET:
                # lent before circulation existed (an imported "En prêt"): back in hand
                self._place(copy, site)
                self._status_changed(copy)
                return None
            raise CirculationError.of("not_on_loan", barcode=copy.barcode)
        borrower = self.store.borrower(loan.borrower_id)
        loan.returned = self.now()
        loan.return_site = site
        self.store.closed(loan)
        reservation = self._place(copy, site)
        notify(
            events.ReturnEvent(
                self.portal, copy=copy, borrower=borrower, loan=loan, reservation=reservation
            )
        )
        self._status_changed(copy, borrower)
        return loan

    # ---------------------------------------------------------------- where a copy goes

    def _place(self, copy, site):
        """A copy back in hand at `site`: serve the first waiting reservation, or
        go home, or go on the shelf. The reservation served, or None."""
        copy.held_for = ""
        copy.transit_to = ""
        for reservation in self.store.queue(copy.uid):
            if reservation.status != "en-attente":
                continue
            if reservation.pickup_site == site:
                self._hold(copy, reservation)
            else:
                reservation.status = "en-transit"
                reservation.barcode = copy.barcode
                self._send(
                    copy, site, reservation.pickup_site, "reservation", reservation.borrower_id
                )
            return reservation
        if copy.site and copy.site != site:
            self._send(copy, site, copy.site, "retour")
        else:
            copy.status = statuses.DISPONIBLE
        return None

    def _hold(self, copy, reservation):
        today = self.today()
        copy.status = statuses.RESERVE
        copy.held_for = reservation.borrower_id
        copy.transit_to = ""
        reservation.status = "disponible"
        reservation.barcode = copy.barcode
        reservation.ready_on = today
        reservation.expires = self.calendar.due_date(today, self.hold_days)
        notify(
            events.ReservationReadyEvent(
                self.portal,
                copy=copy,
                borrower=self.store.borrower(reservation.borrower_id),
                reservation=reservation,
            )
        )

    def _send(self, copy, from_site, to_site, reason, held_for=""):
        transfer = records.Transfer(
            id=unused_id(self.store.transfers, self.now()),
            barcode=copy.barcode,
            from_site=from_site,
            to_site=to_site,
            reason=reason,
            sent=self.now(),
        )
        self.store.transfers[transfer.id] = transfer
        self.store.transit[copy.barcode] = transfer.id
        copy.status = statuses.EN_TRANSIT
        copy.transit_to = to_site
        copy.held_for = held_for or ""
        notify(events.TransferEvent(self.portal, copy=copy, transfer=transfer))
        return transfer

    def _end_transit(self, copy, status):
        tid = self.store.transit.get(copy.barcode)
        transfer = self.store.transfers.get(tid) if tid is not None else None
        if tid is not None:
            del self.store.transit[copy.barcode]
        if transfer is not None:
            transfer.status = status
            transfer.received = self.now() if status == "recu" else None
        copy.transit_to = ""
        return transfer

    # ---------------------------------------------------------------- transfers

    def transfer(self, barcode, to_site, site=None):
        """Send a copy that is on the shelf to another site (it moves there)."""
        site = self._site(site)
        copy = self._copy(barcode)
        if self.store.loan(copy.barcode) is not None:
            raise CirculationError.of("copy_on_loan", barcode=copy.barcode)
        if to_site not in self.policy.sites:
            raise CirculationError.of("unknown_site", site=to_site)
        travelling = copy.barcode in self.store.transit
        if travelling and copy.transit_to == to_site:
            raise CirculationError.of(
                "already_in_transit_to", barcode=copy.barcode, site=self.site_title(to_site)
            )
        if not travelling and (copy.site or site) == to_site:
            raise CirculationError.of(
                "already_at_site", barcode=copy.barcode, site=self.site_title(to_site)
            )
        if travelling:
            self._end_transit(copy, "annule")
        transfer = self._send(copy, copy.site or site, to_site, "demande")
        self._status_changed(copy)
        return transfer

    def receive(self, barcode, site=None):
        """A travelling copy arrives at `site`: shelf, pickup shelf or onwards."""
        site = self._site(site)
        copy = self._copy(barcode)
        if copy.barcode not in self.store.transit:
            raise CirculationError.of("transfer_not_found", barcode=copy.barcode)
        held_for = copy.held_for
        transfer = self._end_transit(copy, "recu")
        if transfer is not None and transfer.reason == "demande":
            copy.site = transfer.to_site
        waiting = [
            r
            for r in self.store.queue(copy.uid)
            if r.status == "en-transit" and r.barcode == copy.barcode and r.borrower_id == held_for
        ]
        if waiting and waiting[0].pickup_site == site:
            self._hold(copy, waiting[0])
        else:
            if waiting:
                waiting[0].status = "en-attente"
                waiting[0].barcode = ""
            self._place(copy, site)
        notify(events.TransferEvent(self.portal, copy=copy, transfer=transfer))
        self._status_changed(copy)
        return transfer

    # ---------------------------------------------------------------- reservations

    def reserve(self, uid, card, pickup_site=None, override=""):
        """Reserve a record (any copy) for a borrower; the Reservation."""
        borrower = self._borrower(card)
        pickup_site = (pickup_site or borrower.home_site or self.policy.centre).strip()
        if pickup_site not in self.policy.sites:
            raise CirculationError.of("unknown_site", site=pickup_site)
        copies = [
            c
            for c in self.store.copies_of(uid)
            if c.status in LENDABLE_STATUSES and not c.latest_issue
        ]
        doc_type = copies[0].doc_type if copies else ""
        rule = self.policy.rule_for(borrower.category, doc_type, pickup_site)
        mine = self.store.reservations_of(borrower.id)
        decision = check.check_reservation(
            borrower,
            rule,
            mine,
            self.today(),
            already_reserved=any(r.uid == uid for r in mine),
            already_borrowed=any(loan.uid == uid for loan in self.store.loans_of(borrower.id)),
            lendable=bool(copies),
        )
        self._decide(decision, override)
        reservation = records.Reservation(
            id=unused_id(self.store.reservations, self.now()),
            uid=uid,
            borrower_id=borrower.id,
            pickup_site=pickup_site,
            created=self.now(),
        )
        self.store.reservations[reservation.id] = reservation
        _index_add(self.store.queues, uid, reservation.id)
        _index_add(self.store.reservations_by_borrower, borrower.id, reservation.id)
        notify(events.ReserveEvent(self.portal, borrower=borrower, reservation=reservation))
        # a copy on a shelf serves it at once: held here, or sent to the pickup site
        shelf = [c for c in copies if c.status == statuses.DISPONIBLE]
        here = [c for c in shelf if c.site == pickup_site]
        if here or shelf:
            copy = (here or shelf)[0]
            if copy.site == pickup_site:
                self._hold(copy, reservation)
            else:
                reservation.status = "en-transit"
                reservation.barcode = copy.barcode
                self._send(copy, copy.site, pickup_site, "reservation", borrower.id)
            self._status_changed(copy, borrower)
        return reservation

    def cancel_reservation(self, rid, card=None, status="annulee"):
        """Cancel a reservation (`card`: only if it is theirs); a copy it held
        passes to the next reader or goes back."""
        reservation = self.store.reservation(rid)
        if reservation is None or reservation.status not in records.Reservation.OPEN:
            raise CirculationError.of("reservation_not_found")
        if card is not None and reservation.borrower_id != card:
            raise CirculationError.of("reservation_other_borrower")
        self._close_reservation(reservation, status)
        copy = self.store.copy(reservation.barcode) if reservation.barcode else None
        if copy is not None and copy.held_for == reservation.borrower_id:
            if copy.status == statuses.RESERVE:
                self._place(copy, reservation.pickup_site)
            elif copy.status == statuses.EN_TRANSIT:
                copy.held_for = ""  # travels on; placed when received
            self._status_changed(copy)
        notify(
            events.ReservationEndEvent(
                self.portal,
                copy=copy,
                borrower=self.store.borrower(reservation.borrower_id),
                reservation=reservation,
            )
        )
        return reservation

    def _close_reservation(self, reservation, status):
        reservation.status = status
        _index_remove(self.store.queues, reservation.uid, reservation.id)
        _index_remove(self.store.reservations_by_borrower, reservation.borrower_id, reservation.id)

    def expire_reservations(self):
        """Reservations not collected by their last day pass to the next reader
        (safe to run twice: an expired one is no longer open). Their list."""
        today = self.today()
        expired = []
        for reservation in list(self.store.reservations.values()):
            if (
                reservation.status == "disponible"
                and reservation.expires
                and reservation.expires < today
            ):
                self.cancel_reservation(reservation.id, status="expiree")
                expired.append(reservation)
        return expired

    # ---------------------------------------------------------------- visits

    def record_visit(self, site=None, card=None, first=None):
        """One visit at a site (a borrower's, or anonymous); the Visit. `first`:
        a first visit or not (see ``flag``); None: the borrower's card was made
        today."""
        site = self._site(site)
        first = flag(first, "first")
        borrower = self.store.borrower(card) if card else None
        if card and borrower is None:
            raise CirculationError.of("unknown_borrower", code=card)
        if first is None:
            first = borrower is not None and borrower.created == self.today()
        visit = records.Visit(
            id=unused_id(self.store.visits, self.now()),
            when=self.now(),
            site=site,
            borrower_id=borrower.id if borrower else None,
            category=borrower.category if borrower else "",
            first=bool(first),
        )
        self.store.visits[visit.id] = visit
        notify(events.VisitEvent(self.portal, borrower=borrower, visit=visit))
        return visit

    def overdue(self, site=None):
        """The loans past their due date at a site (a known code; relay staff:
        their own site), or at every site."""
        if site:
            site = self._site(site)
        return self.store.overdue(self.today(), site=site or self.staff_site)


TRUE_VALUES = frozenset({"true", "1", "on", "oui", "yes"})
FALSE_VALUES = frozenset({"false", "0", "off", "non", "no"})


def flag(value, name):
    """A yes/no value read strictly: JSON true/false, 1/0, or the usual form
    values (true/false, on/off, oui/non, yes/no, 1/0, any case); None or an
    empty text: not given (None). Anything else is refused (``not_a_flag``):
    "non" must never count as yes."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if not text:
            return None
        if text in TRUE_VALUES:
            return True
        if text in FALSE_VALUES:
            return False
    raise CirculationError.of("not_a_flag", name=name, value=str(value))


def overdue_days(loan, today):
    return max(0, (today - loan.due).days) if loan.due else 0


__all__ = ["Desk", "CirculationError", "flag", "overdue_days"]
