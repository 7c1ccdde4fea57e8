"""Upgrade 20261206020 -> 20261206021: the centre's theme, its footer, and the fund
opening on the documentary search."""

from plone import api
from plone.app.viewletmanager.interfaces import IViewletSettingsStorage
from zope.component import getUtility

PROFILE = "rt.infodoc:default"
THEME = "plone.app.theming.interfaces.IThemeSettings"


def test_the_theme_footer_and_fund_of_the_centre(portal, setup_tool):
    api.portal.set_registry_record(f"{THEME}.currentTheme", "barceloneta")
    api.portal.set_registry_record(f"{THEME}.rules", "/++theme++barceloneta/rules.xml")
    portal["fonds"].setLayout("listing_view")
    registry = api.portal.get_tool("portal_registry")
    for key in [
        k for k in registry.records.keys() if k.startswith("plone.bundles/rt-infodoc-theme.")
    ]:
        del registry.records[key]
    registry["plone.bundles/rt-infodoc.depends"] = "plone"
    viewlets = getUtility(IViewletSettingsStorage)
    viewlets.setHidden("plone.portalfooter", "*", ())
    setup_tool.setLastVersionForProfile(PROFILE, "20261206020")

    setup_tool.upgradeProfile(PROFILE, dest="20261206021")

    assert setup_tool.getLastVersionForProfile(PROFILE) == ("20261206021",)
    assert api.portal.get_registry_record(f"{THEME}.currentTheme") == "rt.infodoc"
    assert api.portal.get_registry_record(f"{THEME}.rules") == "/++theme++rt.infodoc/rules.xml"
    assert {"plone.footer", "plone.colophon"} <= set(viewlets.getHidden("plone.portalfooter", "*"))
    assert "plone.searchbox" in viewlets.getHidden("plone.portalheader", "*")
    assert portal["fonds"].getLayout() == "fonds-recherche"
    assert registry["plone.bundles/rt-infodoc-theme.csscompilation"] == (
        "++theme++rt.infodoc/css/rt-infodoc.min.css"
    )
    assert registry["plone.bundles/rt-infodoc.depends"] == "rt-infodoc-theme"
