"""Borrowers: registration, export, erasure and anonymisation (RGPD)."""

import json
from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest

from circulation.deskfixtures import _no_site_subscribers  # noqa: F401
from circulation.deskfixtures import add_copy
from circulation.deskfixtures import make_desk
from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.errors import CirculationError


@pytest.fixture
def desk():
    desk = make_desk()
    add_copy(desk, "B1", uid="n1")
    add_copy(desk, "B2", uid="n2")
    return desk


def test_register_gives_the_next_card_number(desk):
    one = borrowers.add_borrower(desk.store, name="Dupont Marie", category="adherent")
    two = borrowers.add_borrower(desk.store, name="Centre social Bellefontaine", kind="structure")
    assert (one.id, two.id) == ("L000001", "L000002")
    with pytest.raises(CirculationError) as info:
        borrowers.add_borrower(desk.store, card="L000001", name="X")
    assert info.value.codes == ["card_taken"]
    with pytest.raises(CirculationError) as info:
        borrowers.add_borrower(desk.store, name="  ")
    assert info.value.codes == ["name_missing"]
    assert len(desk.store.borrowers) == 2


def test_export_holds_everything_and_is_json(desk):
    reader = borrowers.add_borrower(
        desk.store, name="Dupont Marie", email="m.dupont@example.org", expires=date(2027, 6, 30)
    )
    desk.lend("B1", reader.id)
    desk.record_visit(card=reader.id)
    data = borrowers.export_borrower(desk.store, reader.id)
    assert data["emprunteur"]["email"] == "m.dupont@example.org"
    assert [loan["barcode"] for loan in data["prets"]] == ["B1"]
    assert len(data["visites"]) == 1
    json.dumps(data)


def test_erase_refused_while_a_loan_is_out_then_anonymises(desk):
    reader = borrowers.add_borrower(desk.store, name="Dupont Marie", expires=date(2027, 6, 30))
    loan = desk.lend("B1", reader.id)
    with pytest.raises(CirculationError) as info:
        borrowers.erase_borrower(desk.store, reader.id)
    assert info.value.codes == ["borrower_has_loans"]
    assert desk.store.borrower(reader.id) is not None and loan.borrower_id == reader.id
    desk.give_back("B1")
    borrowers.erase_borrower(desk.store, reader.id)
    assert desk.store.borrower(reader.id) is None
    assert loan.borrower_id is None and loan.category == "usager"  # the figures keep it
    assert borrowers.export_borrower.__name__  # nothing left to export:
    with pytest.raises(CirculationError):
        borrowers.export_borrower(desk.store, reader.id)


def test_history_anonymised_after_the_delay(desk):
    reader = borrowers.add_borrower(desk.store, name="Dupont Marie", expires=date(2027, 6, 30))
    old = desk.lend("B1", reader.id)
    desk.give_back("B1")
    current = desk.lend("B2", reader.id)
    cutoff = desk.clock.when + timedelta(seconds=1)
    assert borrowers.anonymise_history(desk.store, cutoff) >= 1
    assert old.borrower_id is None
    assert current.borrower_id == reader.id  # still out: kept
    assert borrowers.anonymise_history(desk.store, cutoff) == 0
    assert borrowers.anonymise_history(desk.store, datetime(2000, 1, 1)) == 0
