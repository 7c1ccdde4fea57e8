"""The demo year played through the desk in a site: borrowers, loans, returns,
visits, the figures' counters, the demo reader's card (integration layer)."""

import datetime

from plone import api

from circulation import sitedesk
from rt.infodoc.circulation.demodata.load import DEMO_MEMBER
from rt.infodoc.circulation.demodata.load import load
from rt.infodoc.circulation.figures import store as counters
from rt.infodoc.circulation.figures.counters import Figures
from rt.infodoc.circulation.store import get_store


def test_the_demo_year_goes_through_the_desk(integration):
    portal = sitedesk.site(integration)
    for n in range(30):
        sitedesk.notice(portal, f"n{n}", f"Notice {n}", ("sante",))
    today = datetime.date(2026, 12, 6)
    done = load(portal, today=today, scale=0.1)
    assert done["lend"] >= 90 and done["visit"] == 41 and done["refus"] <= 5
    store = get_store(portal)
    assert store.borrower("D00001").member_id == DEMO_MEMBER
    assert api.user.get(username=DEMO_MEMBER) is not None
    assert len(list(store.current_loans())) > 0
    figures = Figures(counters.read(portal))
    lent = sum(sum(v["pret"]) for v in [figures.monthly(y) for y in figures.years()])
    assert lent == done["lend"]
    # returned at a relay, a copy travels home and arrives: only the last days'
    # returns are still in transit (the desk once listed hundreds since January)
    travelling = store.transfers_in("en-transit")
    received = store.transfers_in("recu")
    assert received and len(travelling) <= 5
    assert all(t.sent.date() >= today - datetime.timedelta(days=3) for t in travelling)
    assert load(portal, today=today) == {"deja": True}  # once only
