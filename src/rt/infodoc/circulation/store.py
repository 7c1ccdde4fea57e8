"""The circulation store: BTrees in the site's ZODB (docs/circulation.md says why).

Ten desks write this store at once, so its hot paths are shaped for ZODB's
conflict resolution (docs/circulation.md, "Writes without conflicts"):

- ``current``: copy barcode -> id of its current loan (0: none). The double-loan
  guard: two desks lending the same copy both change the same key, which
  BTrees refuse to merge (a write conflict on the second commit; Zope retries
  the request and the retry answers "déjà en prêt"; the copy record is
  written too). Desks lending or taking back *different* copies only change
  integers under distinct keys, which BTrees merge; a key is never deleted
  (deleting a bucket's first key, or replacing a persistent value, cannot be
  merged). ``loans`` reads it as barcode -> Loan.
- ``loans_by_borrower``: card -> set of barcodes; the card's set is kept when
  it empties, so lending and returning only write that borrower's own set.
- ``history``: loan id -> Loan, ids in time order (a range of dates is a range
  of keys). Time-ordered keys all land in the last bucket of a BTree, and the
  split of that bucket every thirty loans conflicts with every loan written at
  the same moment; so the history is sixteen BTrees, a loan going to the one
  its id's random low bits name (``ShardedTree``), read back in time order.
- a copy's key in ``current`` is made with the copy (0), so a loan never
  inserts a key (no bucket split while lending).
"""

import heapq
import random
import time

from BTrees.LOBTree import LOBTree
from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer

from rt.infodoc.circulation import borrower_search
from rt.infodoc.circulation.interfaces import ICirculationStore

KEY = "rt.infodoc.circulation"


def new_id(when=None):
    """A key of the history, reservations, transfers or visits: the record's own
    time in milliseconds (`when`, a datetime; now by default), then 16 random
    bits (two desks never share a slot, and the keys sort by time, so a range
    of dates is a range of keys)."""
    ms = int(when.timestamp() * 1000) if when is not None else int(time.time() * 1000)
    return (ms << 16) | random.getrandbits(16)


def unused_id(tree, when=None):
    """``new_id(when)`` that is not yet a key of `tree`: two records of the same
    millisecond may draw the same 16 bits, and an assignment would silently
    replace the first record (tests/circulation/test_store_conflicts.py lends 120
    copies in one millisecond)."""
    while True:
        key = new_id(when)
        if tree.get(key) is None:
            return key


def _ms(when):
    return int(when.timestamp() * 1000) << 16 if when is not None else None


def _index_add(tree, key, value):
    members = tree.get(key)
    if members is None:
        members = tree[key] = OOTreeSet()
    members.add(value)


def _index_remove(tree, key, value, keep=False):
    """Remove `value` from the set under `key`; an emptied set goes, unless
    `keep` (a hot index: deleting keys makes concurrent writes conflict)."""
    members = tree.get(key)
    if members is not None and value in members:
        members.remove(value)
        if not len(members) and not keep:
            del tree[key]


class ShardedTree(Persistent):
    """An LOBTree split in ``SHARDS`` BTrees by the low bits of the key (the
    random part of ``new_id``): concurrent inserts of new keys land in
    different BTrees, so their bucket splits do not collide. Reads merge the
    shards in key order. The object itself is written once, at creation."""

    SHARDS = 16

    def __init__(self, items=()):
        self.shards = tuple(LOBTree() for _n in range(self.SHARDS))
        for key, value in items:
            self[key] = value

    def _shard(self, key):
        return self.shards[key % self.SHARDS]

    def __setitem__(self, key, value):
        self._shard(key)[key] = value

    def __getitem__(self, key):
        return self._shard(key)[key]

    def __delitem__(self, key):
        del self._shard(key)[key]

    def get(self, key, default=None):
        try:
            return self._shard(int(key)).get(key, default)
        except (TypeError, ValueError):
            return default

    def __contains__(self, key):
        return self.get(key) is not None

    def items(self, min=None, max=None, excludemax=False):
        return heapq.merge(
            *(shard.items(min=min, max=max, excludemax=excludemax) for shard in self.shards),
            key=lambda item: item[0],
        )

    def keys(self, min=None, max=None, excludemax=False):
        return (key for key, _value in self.items(min, max, excludemax))

    def values(self, min=None, max=None, excludemax=False):
        return (value for _key, value in self.items(min, max, excludemax))

    def __iter__(self):
        return self.keys()

    def __len__(self):
        return sum(len(shard) for shard in self.shards)

    def __bool__(self):
        return any(len(shard) for shard in self.shards)


class CurrentLoans:
    """barcode -> current Loan, read from ``store.current`` (ids) and the history."""

    def __init__(self, store):
        self.store = store

    def get(self, barcode, default=None):
        lid = self.store.current.get(barcode, 0)
        loan = self.store.history.get(lid) if lid else None
        return default if loan is None else loan

    def __getitem__(self, barcode):
        loan = self.get(barcode)
        if loan is None:
            raise KeyError(barcode)
        return loan

    def __contains__(self, barcode):
        return self.get(barcode) is not None

    def items(self):
        history = self.store.history
        for barcode, lid in self.store.current.items():
            loan = history.get(lid) if lid else None
            if loan is not None:
                yield barcode, loan

    def keys(self):
        return [barcode for barcode, _loan in self.items()]

    def values(self):
        return [loan for _barcode, loan in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return sum(1 for _item in self.items())

    def __bool__(self):
        return any(True for _item in self.items())


@implementer(ICirculationStore)
class CirculationStore(Persistent):
    def __init__(self):
        self.copies = OOBTree()  # barcode -> Copy
        self.copies_by_uid = OOBTree()  # uid -> {barcode}
        self.borrowers = OOBTree()  # card -> Borrower
        self.current = OOBTree()  # barcode -> current loan id, 0: none (the guard)
        self.loans_by_borrower = OOBTree()  # card -> {barcode}
        self.history = ShardedTree()  # id -> Loan (current and closed)
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
        """The card typed first, then the borrowers in which every word of `text`
        is found, accents and case folded, in French order (borrower_search.py);
        all of them when ``limit`` is None."""
        text = (text or "").strip()
        if not text:
            return []
        exact = self.borrowers.get(text.upper()) or self.borrowers.get(text)
        found = borrower_search.matching(self.borrowers.values(), text)
        if exact is not None:
            found = [exact] + [b for b in found if b is not exact]
        return found if limit is None else found[:limit]

    def all_borrowers(self):
        return self.borrowers.values()

    # ---------------------------------------------------------------- loans

    @property
    def loans(self):
        """barcode -> current Loan (a read-only view of ``current``)."""
        return CurrentLoans(self)

    def lent(self, loan):
        """Record a new current loan (the guard: a write of the copy's key)."""
        self.history[loan.id] = loan
        self.current[loan.barcode] = loan.id
        _index_add(self.loans_by_borrower, loan.borrower_id, loan.barcode)

    def closed(self, loan):
        """The copy of `loan` has no current loan any more (its key stays, 0)."""
        self.current[loan.barcode] = 0
        _index_remove(self.loans_by_borrower, loan.borrower_id, loan.barcode, keep=True)

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


def migrate_current_loans(store):
    """A store of before 20261206091 kept ``loans``: barcode -> Loan (deleted on
    return) and one LOBTree of history. Move the first to ``current`` (barcode ->
    loan id, 0: none, a key for every copy) and the history into a ShardedTree.
    Safe to run twice; the number of current loans moved."""
    store._p_activate()
    if not isinstance(store.history, ShardedTree):
        store.history = ShardedTree(store.history.items())
    old = store.__dict__.get("loans")
    if "current" not in store.__dict__:
        store.current = OOBTree()
    moved = 0
    if old is not None:
        for barcode, loan in old.items():
            if loan.id not in store.history:
                store.history[loan.id] = loan
            store.current[barcode] = loan.id
        moved = len(old)
        del store.__dict__["loans"]
        store._p_changed = True
    for barcode in store.copies.keys():
        if barcode not in store.current:
            store.current[barcode] = 0
    return moved
