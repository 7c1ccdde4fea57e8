"""Upgrade -> 20261206060: reminders' records and control panel, figures rebuilt."""

import datetime

from circulation import sitedesk
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.circulation.figures import store as counters
from rt.infodoc.upgrades.v20261206060 import reminders_and_figures

PREFIX = "rt.infodoc.circulation.reminders"


def test_records_configlet_and_counters(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    registry = portal.portal_registry
    # a site made before this version: no records, no configlet, no counters
    for name in [r for r in registry.records.keys() if r.startswith(PREFIX)]:
        del registry.records[name]
    panel = api.portal.get_tool("portal_controlpanel")
    panel.unregisterConfiglet("rt-infodoc-relances")
    api.portal.get_tool("portal_actions")["user"].manage_delObjects(["mon-compte"])
    notice = sitedesk.notice(portal, "n1", "Notice", ("sante",))
    sitedesk.copy(portal, notice, "RT1")
    sitedesk.borrower(portal, "L1", "Martin Anne")
    desk = sitedesk.desk(portal, datetime.datetime(2011, 3, 8, 10, 0))
    desk.lend("RT1", "L1")
    desk.record_visit(card="L1", first=True)
    counters.replace(portal, {})

    reminders_and_figures()
    registry[f"{PREFIX}.delay_1"] = 10
    reminders_and_figures()  # twice: what was set stays

    assert registry[f"{PREFIX}.delay_1"] == 10
    assert registry[f"{PREFIX}.delay_3"] == 45
    assert registry[f"{PREFIX}.subject_1"].startswith("Rappel")
    assert "rt-infodoc-relances" in [a.getId() for a in panel.listActions()]
    mine = api.portal.get_tool("portal_actions")["user"]["mon-compte"]
    assert mine.title == "Mon compte" and mine.url_expr.endswith("/@@mon-compte")
    counts = counters.read(portal)
    assert counts["pret|2011|3|total|"] == 1
    assert counts["pret|2011|3|theme|sante"] == 1
    assert counts["accueil|2011|3|total|"] == 1 and counts["visite|2011|3|total|"] == 1
