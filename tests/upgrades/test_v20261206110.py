"""Upgrade 20261206100 -> 20261206110: no navigation portlet at the site's root.

A site installed before has Plone's navigation box in the left column of the
root; the step takes it away, and the other portlets stay."""

from plone import api
from plone.app.portlets.portlets import navigation
from plone.app.portlets.portlets import search
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from zope.component import getMultiAdapter
from zope.component import getUtility

PROFILE = "rt.infodoc:default"


def _left_column(portal):
    manager = getUtility(IPortletManager, name="plone.leftcolumn", context=portal)
    return getMultiAdapter((portal, manager), IPortletAssignmentMapping)


def test_a_new_site_has_no_navigation_box(portal):
    assert "navigation" not in _left_column(portal)


def test_the_step_takes_the_navigation_box_away(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    mapping = _left_column(portal)
    mapping["navigation"] = navigation.Assignment()  # as Plone installs it
    mapping["recherche"] = search.Assignment()  # an editor's own portlet
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "20261206100")
    setup.upgradeProfile(PROFILE, dest="20261206110")
    assert setup.getLastVersionForProfile(PROFILE) == ("20261206110",)
    assert "navigation" not in mapping
    assert "recherche" in mapping
    del mapping["recherche"]
