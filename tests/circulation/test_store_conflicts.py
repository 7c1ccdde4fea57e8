"""Desks writing the store at the same moment, on a real ZODB (FileStorage, two
connections, each its own transaction): different copies merge, the same copy
conflicts. No Zope: the desk's events have no subscriber here.

Each test reads the store in both connections, lets both desks work, then
commits one after the other, as two Zope threads would.
"""

from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
import transaction
from BTrees.LOBTree import LOBTree
from BTrees.OOBTree import OOBTree
from ZODB import DB
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError

from circulation.deskfixtures import _no_site_subscribers  # noqa: F401
from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation import copies
from rt.infodoc.circulation.desk import Desk
from rt.infodoc.circulation.rules.calendar import Calendar
from rt.infodoc.circulation.rules.policy import Policy
from rt.infodoc.circulation.store import CirculationStore
from rt.infodoc.circulation.store import ShardedTree
from rt.infodoc.circulation.store import migrate_current_loans

DESKS = 4
NOW = datetime(2026, 12, 7, 10, 0)


@pytest.fixture()
def db(tmp_path):
    database = DB(FileStorage(str(tmp_path / "Data.fs")))
    manager = transaction.TransactionManager()
    root = database.open(manager).root()
    store = root["store"] = CirculationStore()
    for d in range(DESKS):
        for n in range(40):
            copies.add_copy(store, f"notice-{d}", f"D{d}C{n:02d}", "ouvrage")
        borrowers.add_borrower(store, name=f"Lecteur {d}", expires=date(2099, 1, 1))
    manager.commit()
    yield database
    database.close()


def desks(database):
    """One (manager, desk) per desk, each on its own connection."""
    found = []
    for _d in range(DESKS):
        manager = transaction.TransactionManager()
        store = database.open(manager).root()["store"]
        found.append((manager, Desk(None, store, Policy(), Calendar(), "doc", now=NOW)))
    return found


def card(d):
    return f"L{d + 1:06d}"


def test_desks_lending_and_returning_different_copies_rarely_conflict(db):
    """Thirty rounds: every desk lends one copy and takes back the one before, all
    at once. BTrees merge the writes; what they cannot merge (two new loans in one
    history shard whose bucket splits at that moment) is retried, as Zope retries a
    request. Before the store's conflict-free layout, nearly every round conflicted."""
    at = desks(db)
    conflicts = 0

    def work(desk, d, n):
        desk.lend(f"D{d}C{n:02d}", card(d))
        if n:
            desk.give_back(f"D{d}C{n - 1:02d}")

    for n in range(30):
        for d, (manager, desk) in enumerate(at):
            manager.begin()
            work(desk, d, n)
        for d, (manager, desk) in enumerate(at):
            for _attempt in range(3):
                try:
                    manager.commit()
                    break
                except ConflictError:
                    conflicts += 1
                    manager.abort()
                    manager.begin()
                    work(desk, d, n)
            else:
                pytest.fail(f"round {n}, desk {d}: still conflicting after 3 tries")
    assert conflicts <= 6, f"{conflicts} conflicts over {30 * DESKS} commits"
    manager, desk = at[0]
    manager.begin()
    store = desk.store
    assert sorted(store.loans) == [f"D{d}C29" for d in range(DESKS)]
    assert len(store.history) == 30 * DESKS
    assert sum(1 for loan in store.history.values() if loan.returned) == 29 * DESKS
    assert [len(store.loans_of(card(d))) for d in range(DESKS)] == [1] * DESKS


def test_two_desks_lending_the_same_copy_conflict(db):
    (one, desk_one), (two, desk_two) = desks(db)[:2]
    one.begin()
    two.begin()
    desk_one.lend("D0C00", card(0))
    desk_two.lend("D0C00", card(1))
    one.commit()
    with pytest.raises(ConflictError):
        two.commit()
    two.abort()
    two.begin()
    assert desk_two.store.loan("D0C00").borrower_id == card(0)
    assert len(desk_two.store.history) == 1


def test_returning_and_lending_the_same_copy_conflict(db):
    (one, desk_one), (two, desk_two) = desks(db)[:2]
    one.begin()
    desk_one.lend("D0C00", card(0))
    one.commit()
    one.begin()
    two.begin()
    desk_one.give_back("D0C00")
    desk_two._now = NOW + timedelta(days=7)  # on the day of the loan: too soon to renew
    desk_two.renew("D0C00")
    one.commit()
    with pytest.raises(ConflictError):
        two.commit()
    two.abort()


def test_a_store_of_before_20261206091_is_migrated(db):
    manager = transaction.TransactionManager()
    store = db.open(manager).root()["store"]
    desk = Desk(None, store, Policy(), Calendar(), "doc", now=NOW)
    lent = desk.lend("D0C00", card(0))
    closed = desk.lend("D1C00", card(1))
    desk.give_back("D1C00")
    # the old shape: loans (barcode -> Loan), one LOBTree of history, no current
    store.__dict__["loans"] = OOBTree({"D0C00": lent})
    store.history = LOBTree({lent.id: lent, closed.id: closed})
    del store.current
    manager.commit()
    assert migrate_current_loans(store) == 1
    assert migrate_current_loans(store) == 0
    manager.commit()
    assert isinstance(store.history, ShardedTree)
    assert list(store.history.keys()) == sorted((lent.id, closed.id))
    assert dict(store.loans) == {"D0C00": lent}
    assert store.current["D1C00"] == 0 and store.current["D3C39"] == 0
    assert "loans" not in store.__dict__
