"""Upgrade 20261206003 -> 20261206020: the site root opens on the home page; the
catalog knows each Notice's date of cataloguing and each Conf'At's date."""

import datetime

from DateTime import DateTime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.browser.home.acquisitions import newest_acquisitions

PROFILE = "rt.infodoc:default"


def test_the_site_opens_on_the_home_page_and_records_get_their_dates(portal, setup_tool):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    fti = portal.portal_types["Plone Site"]
    fti.default_view = "listing_view"
    fti.view_methods = ("listing_view",)
    portal.setLayout("listing_view")
    catalog = api.portal.get_tool("portal_catalog")
    older = api.content.create(container=portal["fonds"], type="Notice", id="a", title="Ancienne")
    newer = api.content.create(container=portal["fonds"], type="Notice", id="b", title="Récente")
    session = api.content.create(
        container=portal["conf-at"],
        type="ConfAt",
        id="c",
        title="Conf'At'",
        date=datetime.date.today() + datetime.timedelta(days=7),
    )
    for obj in (older, newer, session):
        api.content.transition(obj=obj, to_state="published")
    catalog.delIndex("cataloguing_date")  # as a catalog made before this version
    catalog.uncatalog_object("/".join(session.getPhysicalPath()))
    catalog.catalog_object(session, idxs=["portal_type", "review_state", "path"])
    setup_tool.setLastVersionForProfile(PROFILE, "20261206010")

    setup_tool.upgradeProfile(PROFILE, dest="20261206020")

    assert setup_tool.getLastVersionForProfile(PROFILE) == ("20261206020",)
    assert portal.getLayout() == "accueil"
    assert fti.default_view == "accueil" and "accueil" in fti.view_methods
    assert "cataloguing_date" in catalog.indexes()
    assert [row["title"] for row in newest_acquisitions(portal)] == ["Récente", "Ancienne"]
    coming = catalog(portal_type="ConfAt", start={"query": DateTime(), "range": "min"})
    assert [b.Title for b in coming] == ["Conf'At'"]
