"""Upgrade 20261206091 -> 20261206100: the figures' counters by month.

A site's counters are put back in their old shape (one Length per key); the
step, run through GenericSetup, moves them into month objects with the same
counts, and the desk's next loan adds to them.
"""

import datetime

from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from circulation import sitedesk
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from zope.annotation.interfaces import IAnnotations

from rt.infodoc.circulation.figures import store as counters

PROFILE = "rt.infodoc:default"


def test_counters_moved_by_month_and_counting_goes_on(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    old = {
        "pret|2011|3|total|": 42,
        "pret|2011|3|site|foix": 7,
        "visite|2011|4|total|": 5,
        "accueil|2026|12|total|": 1,
    }
    counters.replace(portal, {})
    del IAnnotations(portal)[counters.KEY]
    IAnnotations(portal)[counters.OLD_KEY] = OOBTree({k: Length(v) for k, v in old.items()})

    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "20261206091")
    setup.upgradeProfile(PROFILE, dest="20261206100")
    assert setup.getLastVersionForProfile(PROFILE) == ("20261206100",)
    assert counters.OLD_KEY not in IAnnotations(portal)
    assert counters.read(portal) == old
    assert sorted(counters.months(portal).keys()) == ["2011-03#0", "2011-04#0", "2026-12#0"]
    setup.upgradeProfile(PROFILE, dest="20261206100")  # twice: nothing changes
    assert counters.read(portal) == old

    notice = sitedesk.notice(portal, "n-up", "Notice", ("sante",))
    sitedesk.copy(portal, notice, "RTUP100")
    sitedesk.borrower(portal, "L100", "Martin Anne")
    sitedesk.desk(portal, datetime.datetime(2011, 3, 8, 10, 0)).lend("RTUP100", "L100")
    figures = counters.read(portal)
    assert figures["pret|2011|3|total|"] == 43
    assert figures["pret|2011|3|theme|sante"] == 1


def test_each_thread_counts_in_its_shard_and_the_page_adds_them_up(portal, monkeypatch):
    counters.replace(portal, {"pret|2026|12|total|": 3})
    for shard in (4, 9, 9):
        monkeypatch.setattr(counters, "_shard", lambda portal, shard=shard: shard)
        counters.add(portal, ["pret|2026|12|total|", "pret|2026|12|site|foix"])
    assert sorted(counters.months(portal).keys()) == ["2026-12#0", "2026-12#4", "2026-12#9"]
    assert counters.read(portal) == {"pret|2026|12|total|": 6, "pret|2026|12|site|foix": 3}
