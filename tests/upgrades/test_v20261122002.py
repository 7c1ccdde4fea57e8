"""Upgrade 20261122001 -> 20261122002: the fund section loses its manual order."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.folder.default import DefaultOrdering
from plone.folder.unordered import UnorderedOrdering
from zope.annotation.interfaces import IAnnotations

PROFILE = "rt.infodoc:default"


def test_a_new_site_has_an_unordered_fund(portal):
    assert isinstance(portal["fonds"].getOrdering(), UnorderedOrdering)
    assert not isinstance(portal["dossiers"].getOrdering(), UnorderedOrdering)


def test_upgrade_makes_an_ordered_fund_unordered(portal, setup_tool):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    fonds = portal["fonds"]
    fonds.setOrdering("")  # as a site made before this version
    for number in (2, 1, 3):
        api.content.create(
            container=fonds, type="Notice", id=f"n{number}", title=f"Notice {number}"
        )
    assert fonds.objectIds() == ["n2", "n1", "n3"]  # the order of addition
    assert DefaultOrdering.ORDER_KEY in IAnnotations(fonds)
    setup_tool.setLastVersionForProfile(PROFILE, "20261122001")
    steps = setup_tool.listUpgrades(PROFILE)
    assert steps[0]["title"] == "Fonds documentaire sans ordre manuel"  # later steps follow

    setup_tool.upgradeProfile(PROFILE, dest="20261122002")

    assert setup_tool.getLastVersionForProfile(PROFILE) == ("20261122002",)
    assert isinstance(fonds.getOrdering(), UnorderedOrdering)
    annotations = IAnnotations(fonds)
    assert DefaultOrdering.ORDER_KEY not in annotations
    assert DefaultOrdering.POS_KEY not in annotations
    assert sorted(fonds.objectIds()) == ["n1", "n2", "n3"]
    found = api.content.find(context=fonds, portal_type="Notice")
    assert sorted(brain.getId for brain in found) == ["n1", "n2", "n3"]
    # running it again changes nothing
    setup_tool.setLastVersionForProfile(PROFILE, "20261122001")
    setup_tool.upgradeProfile(PROFILE, dest="20261122002")
    assert isinstance(fonds.getOrdering(), UnorderedOrdering)
