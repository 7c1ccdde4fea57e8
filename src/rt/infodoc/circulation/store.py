"""The circulation store: BTrees in the site's ZODB (docs/circulation.md says why).

Current loans live in one OOBTree keyed by copy barcode (``loans``). Two desks
lending the same copy at once both insert the same key into the same bucket:
BTrees' conflict resolution refuses that (a write conflict on the second
commit), Zope retries the request, and the retry finds the loan and answers
"déjà en prêt". The copy record itself is written too, so even a bucket split
cannot let two loans of one copy through.
"""

import random
import time

from BTrees.LOBTree import LOBTree
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer

from rt.infodoc.circulation.interfaces import ICirculationStore

KEY = "rt.infodoc.circulation"


def new_id(when=None):
    """A key of the history, reservations, transfers or visits: the record's own
    time in milliseconds (`when`, a datetime; now by default), then 16 random
    bits (two desks never share a slot, and the keys sort by time, so a range
    of dates is a range of keys)."""
    ms = int(when.timestamp() * 1000) if when is not None else int(time.time() * 1000)
    return (ms << 16) | random.getrandbits(16)


def _ms(when):
    return int(when.timestamp() * 1000) << 16 if when is not None else None


def _index_add(tree, key, value):
    members = tree.get(key)
    if members is None:
        members = tree[key] = OOTreeSet()
    members.add(value)


def _index_remove(tree, key, value):
    members = tree.get(key)
    if members is not None and value in members:
        members.remove(value)
        if not len(members):
            del tree[key]


@implementer(ICirculationStore)
class CirculationStore(Persistent):
    def __init__(self):
        self.copies = OOBTree()  # barcode -> Copy
        self.copies_by_uid = OOBTree()  # uid -> {barcode}
        self.borrowers = OOBTree()  # card -> Borrower
        self.loans = OOBTree()  # barcode -> current Loan (the double-loan guard)
        self.loans_by_borrower = OOBTree()  # card -> {barcode}
        self.history = LOBTree()  # id -> Loan (current and closed)
        self.reservations = LOBTree()  # id -> Reservation
        self.queues = OOBTree()  # uid -> {reservation id}, open ones
        self.reservations_by_borrower = OOBTree()  # card -> {reservation id}, open ones
        self.transfers = LOBTree()  # id -> Transfer
        self.transit = OOBTree()  # barcode -> Transfer id in transit
        self.visits = LOBTree()  # id -> Visit

    # ---------------------------------------------------------------- copies

    def copy(self, barcode):
        return self.copies.get((barcode or "").strip())

    def copies_of(self, uid):
        return [self.copies[b] for b in self.copies_by_uid.get(uid, ()) if b in self.copies]

    def search_copies(self, text, limit=20):
        text = (text or "").strip()
        found = []
        if not text:
            return found
        for barcode in self.copies.keys(min=text):
            if not barcode.startswith(text) or len(found) >= limit:
                break
            found.append(self.copies[barcode])
        return found

    # ---------------------------------------------------------------- borrowers

    def borrower(self, card):
        return self.borrowers.get((card or "").strip())

    def find_borrowers(self, text, limit=20):
        text = (text or "").strip().lower()
        if not text:
            return []
        exact = self.borrowers.get(text.upper()) or self.borrowers.get(text)
        found = [exact] if exact is not None else []
        for borrower in self.borrowers.values():
            if len(found) >= limit:
                break
            if borrower is exact:
                continue
            haystack = " ".join(
                (borrower.id, borrower.name, borrower.email or "", borrower.structure or "")
            ).lower()
            if text in haystack:
                found.append(borrower)
        return found

    def all_borrowers(self):
        return self.borrowers.values()

    # ---------------------------------------------------------------- loans

    def loan(self, barcode):
        return self.loans.get((barcode or "").strip())

    def loans_of(self, card):
        return [self.loans[b] for b in self.loans_by_borrower.get(card, ()) if b in self.loans]

    def current_loans(self):
        return self.loans.values()

    def overdue(self, today, site=None):
        return sorted(
            (
                loan
                for loan in self.loans.values()
                if loan.due < today and (site is None or loan.site == site)
            ),
            key=lambda loan: loan.due,
        )

    def history_between(self, start=None, end=None):
        return self.history.values(min=_ms(start), max=_ms(end), excludemax=end is not None)

    def history_of(self, card):
        return [loan for loan in self.history.values() if loan.borrower_id == card]

    # ---------------------------------------------------------------- reservations

    def reservation(self, rid):
        try:
            return self.reservations.get(int(rid))
        except (TypeError, ValueError):
            return None

    def queue(self, uid):
        return sorted(
            (self.reservations[r] for r in self.queues.get(uid, ()) if r in self.reservations),
            key=lambda r: r.created,
        )

    def reservations_of(self, card):
        return sorted(
            (
                self.reservations[r]
                for r in self.reservations_by_borrower.get(card, ())
                if r in self.reservations
            ),
            key=lambda r: r.created,
        )

    # ---------------------------------------------------------------- transfers, visits

    def transfers_in(self, status="en-transit", site=None):
        return [
            t
            for t in self.transfers.values()
            if (status is None or t.status == status) and (site in (None, t.from_site, t.to_site))
        ]

    def visits_between(self, start=None, end=None):
        return self.visits.values(min=_ms(start), max=_ms(end), excludemax=end is not None)


def get_store(portal, create=False):
    """The store of a site (None before the profile created it, unless `create`)."""
    annotations = IAnnotations(portal)
    store = annotations.get(KEY)
    if store is None and create:
        store = annotations[KEY] = CirculationStore()
    return store
