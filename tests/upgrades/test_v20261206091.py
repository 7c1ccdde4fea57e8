"""Upgrade 20261206080 -> 20261206091: circulation's current loans as loan ids.

A site's store is put back in its old shape (``loans``: barcode -> Loan, one
LOBTree of history, no ``current``); the step, run through GenericSetup, moves
them and the desk then takes the loan back.
"""

from datetime import date

from BTrees.LOBTree import LOBTree
from BTrees.OOBTree import OOBTree
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation import copies
from rt.infodoc.circulation.settings import desk_for
from rt.infodoc.circulation.store import ShardedTree
from rt.infodoc.circulation.store import get_store

PROFILE = "rt.infodoc:default"


def test_current_loans_moved_and_the_desk_works(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    store = get_store(portal, create=True)
    copies.add_copy(store, "uid-upgrade", "RTUP0001", "ouvrage")
    copies.add_copy(store, "uid-upgrade", "RTUP0002", "ouvrage")
    card = borrowers.add_borrower(store, name="Ancien Prêt", expires=date(2099, 1, 1)).id
    loan = desk_for(portal).lend("RTUP0001", card)
    store.__dict__["loans"] = OOBTree({"RTUP0001": loan})
    store.history = LOBTree({loan.id: loan})
    del store.current
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "20261206080")
    setup.upgradeProfile(PROFILE, dest="20261206091")
    assert setup.getLastVersionForProfile(PROFILE) == ("20261206091",)
    assert isinstance(store.history, ShardedTree) and "loans" not in store.__dict__
    assert store.loan("RTUP0001") is loan and store.current["RTUP0002"] == 0
    desk_for(portal).give_back("RTUP0001")
    assert not store.loans and store.loans_of(card) == []
