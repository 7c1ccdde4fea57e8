"""Copies of imported records (995) go into circulation, and an import update
never resets a copy's circulation state (the importer's bulk writer)."""

from datetime import date

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.settings import desk_for
from rt.infodoc.circulation.store import get_store
from rt.infodoc.importer.apply import HASH_ATTR
from rt.infodoc.importer.apply import RAW_ATTR
from rt.infodoc.importer.options import ImportOptions
from rt.infodoc.importer.runner import import_file
from rt.infodoc.importer.state import get_state


def test_imported_copies_keep_their_loans_through_an_update(functional, tmp_path):
    from rt.infodoc.demo.fund import write_fund

    portal = functional["portal"]
    setSite(portal)
    login(functional["app"], SITE_OWNER_NAME)
    fund = tmp_path / "fund.mrc"
    write_fund(str(fund), count=12)
    import_file(portal, fund, ImportOptions(batch_size=5))
    store = get_store(portal)
    notices = [b.getObject() for b in portal.portal_catalog(portal_type="Notice")]
    with_items = [n for n in notices if n.items]
    assert with_items
    notice = with_items[0]
    copies = store.copies_of(notice.UID())
    assert sorted(c.barcode for c in copies) == sorted(i["barcode"] for i in notice.items)
    assert all(c.imported for c in copies)
    lendable = next(c for c in copies if c.status == "disponible")
    reader = borrowers.add_borrower(store, name="Dupont Marie", expires=date(2099, 1, 1))
    desk_for(portal).lend(lendable.barcode, reader.id, site=lendable.site)
    imported_call_number = lendable.call_number
    lendable.call_number = "changé à la main"  # the catalogue's value comes back
    transaction.commit()

    # the same records come again as changed: every Notice is rewritten
    for obj in notices:
        setattr(obj, HASH_ATTR, "changed")
        setattr(obj, RAW_ATTR, "changed")
    state = get_state(portal)
    state.by_raw.clear()
    transaction.commit()
    report = import_file(portal, fund, ImportOptions(batch_size=5, resume=False))
    assert report.updated == 12
    assert store.copy(lendable.barcode).call_number == imported_call_number
    assert store.copy(lendable.barcode).status == "en-pret"
    assert store.loan(lendable.barcode).borrower_id == reader.id
