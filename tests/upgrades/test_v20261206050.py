"""Upgrade -> 20261206050: circulation in an existing site, its JSON copies moved."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.annotation.interfaces import IAnnotations

from rt.infodoc.circulation.store import KEY
from rt.infodoc.circulation.store import get_store
from rt.infodoc.upgrades.v20261206050 import install_circulation


def test_an_old_site_gets_its_store_and_copies(portal, app, setup_tool):
    login(app, SITE_OWNER_NAME)
    notice = api.content.create(
        container=portal["fonds"], type="Notice", id="ancienne", title="Ancienne notice"
    )
    # as a site before circulation: copies only in the JSON field, no store
    notice.items = [
        {"barcode": "RT000777", "call_number": "362 ANC", "status": "En prêt", "site": "Rodez"},
        {"barcode": "RT000778", "call_number": "362 ANC", "status": "Exclu du prêt"},
    ]
    del IAnnotations(portal)[KEY]

    install_circulation(setup_tool)
    install_circulation(setup_tool)  # safe to run again

    store = get_store(portal)
    copies = {c.barcode: c for c in store.copies_of(notice.UID())}
    assert (copies["RT000777"].status, copies["RT000777"].site) == ("en-pret", "rodez")
    assert copies["RT000778"].status == "exclu-du-pret"
    assert len(store.copies) == 2
    assert api.group.get(groupname="relais-albi") is not None
    assert api.portal.get_registry_record("rt.infodoc.circulation.hold_days") == 7
