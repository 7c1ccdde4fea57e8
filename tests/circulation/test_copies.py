"""Copies of a record: the edit form's rows and the importer's 995/852 merge."""

import pytest

from circulation.deskfixtures import _no_site_subscribers  # noqa: F401
from circulation.deskfixtures import add_borrower
from circulation.deskfixtures import make_desk
from rt.infodoc.circulation import copies
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.rules import statuses
from rt.infodoc.circulation.rules.policy import SITES


@pytest.fixture
def desk():
    desk = make_desk()
    add_borrower(desk, "L001")
    return desk


def test_imported_copies_keep_barcode_call_number_and_circulation_state(desk):
    store = desk.store
    items = [
        {"barcode": "RT000001", "call_number": "374 ILL", "status": "Empruntable", "site": "Foix"},
        {"barcode": "", "call_number": "374 ILL", "status": "Exclu du prêt"},
    ]
    created = copies.merge_imported(store, "abcdef0123", items, "ouvrage")
    assert [c.barcode for c in created] == ["RT000001", "abcdef01-2"]
    first = store.copy("RT000001")
    assert (first.call_number, first.site, first.status) == ("374 ILL", "foix", "disponible")
    assert store.copy("abcdef01-2").status == statuses.EXCLU
    desk.lend("RT000001", "L001", site="foix")
    # the import runs again: new call number, an old status; the loan stays
    items[0] = dict(items[0], call_number="374.2 ILL", status="Disponible")
    assert copies.merge_imported(store, "abcdef0123", items, "ouvrage") == []
    assert first.call_number == "374.2 ILL" and first.status == statuses.EN_PRET
    assert store.loan("RT000001") is not None


def test_imported_barcode_of_another_record_is_not_taken(desk):
    copies.add_copy(desk.store, "other", "X1")
    copies.merge_imported(desk.store, "mine", [{"barcode": "X1", "call_number": "Z"}])
    assert desk.store.copy("X1").uid == "other" and desk.store.copy("X1").call_number == ""


def test_save_rows_refuses_a_taken_barcode_and_writes_nothing(desk):
    copies.add_copy(desk.store, "other", "X1")
    rows = [{"barcode": "N1", "site": "albi"}, {"barcode": "X1", "site": "toulouse"}]
    with pytest.raises(CirculationError) as info:
        copies.save_copies(desk.store, "mine", rows, sites=SITES)
    assert info.value.codes == ["barcode_taken"]
    assert desk.store.copy("N1") is None


def test_save_rows_keeps_desk_statuses_and_refuses_removing_a_lent_copy(desk):
    copies.save_copies(
        desk.store,
        "n",
        [{"barcode": "A", "status": "disponible"}, {"barcode": "B"}],
        "video",
        SITES,
    )
    desk.lend("A", "L001")
    saved = copies.save_copies(
        desk.store,
        "n",
        [{"barcode": "A", "status": "perdu", "call_number": "791"}, {"barcode": "B"}],
        "video",
        SITES,
    )
    assert {c.barcode: (c.status, c.call_number) for c in saved} == {
        "A": ("en-pret", "791"),
        "B": ("disponible", ""),
    }
    with pytest.raises(CirculationError) as info:
        copies.save_copies(desk.store, "n", [{"barcode": "B"}], "video", SITES)
    assert info.value.codes == ["copy_on_loan"]
    copies.save_copies(desk.store, "n", [{"barcode": "A"}], "video", SITES)
    assert desk.store.copy("B") is None


def test_unknown_site_and_missing_barcode(desk):
    with pytest.raises(CirculationError) as info:
        copies.save_copies(
            desk.store, "n", [{"barcode": " "}, {"barcode": "C", "site": "lyon"}], sites=SITES
        )
    assert info.value.codes == ["barcode_missing", "unknown_site"]


def test_site_code_from_imported_text():
    assert copies.site_code("Saint Gaudens") == "saint-gaudens"
    assert copies.site_code("Médiathèque d'Albi") == "albi"
    assert copies.site_code("") == "toulouse"
