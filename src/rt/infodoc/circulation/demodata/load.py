"""Play the demo year (plan.py) in the site, through circulation's desk.

Borrowers are registered (circulation.borrowers), copies are the store's (those
of the imported fund); when the fund brought fewer than ``MIN_COPIES`` copies, its
Notices get demo copies (barcodes ``DEMO…``).  Each step goes through the desk
with the desk's clock set to the step's moment, so the loans, returns, visits and
the figures' counters are those the desk would have made that day.  Idempotent:
a site whose store already has the demo borrowers is left alone.
"""

import datetime
import logging

from plone import api

from rt.infodoc.circulation import borrowers as borrower_records
from rt.infodoc.circulation import copies as copy_records
from rt.infodoc.circulation.demodata.plan import make_plan
from rt.infodoc.circulation.errors import CirculationError

logger = logging.getLogger("rt.infodoc.circulation.demo")
MIN_COPIES = 250
DEMO_MEMBER = "lecteur-demo"
TRANSIT = datetime.timedelta(days=2)  # a copy returned at a relay reaches home


class _Clock:
    when = None

    def __call__(self):
        return self.when


def _desk(portal, store, clock):
    """A desk with the site's rules and closed days, its clock set by the demo."""
    from rt.infodoc.circulation import settings
    from rt.infodoc.circulation.desk import Desk

    return Desk(portal, store, settings.policy(), settings.calendar(), staff="demo", now=clock)


def _copies(store, portal):
    """(barcode, site) of every lendable copy; demo copies if the fund has few."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Notice", sort_on="id")
    found = []
    for brain in brains:
        for copy in store.copies_of(brain.UID):
            if copy.status == "disponible" and not copy.latest_issue:
                found.append((copy.barcode, copy.site))
    n = 0
    for brain in brains:
        if len(found) >= MIN_COPIES:
            break
        if store.copies_of(brain.UID):
            continue
        n += 1
        barcode = f"DEMO{n:05d}"
        copy_records.add_copy(store, brain.UID, barcode, "ouvrage", call_number=f"DEMO {n}")
        found.append((barcode, "toulouse"))
    return found


def load(portal, today=None, scale=1.0):
    """Register the demo borrowers and play their year; a summary dict."""
    from rt.infodoc.circulation.store import get_store

    store = get_store(portal, create=True)
    if store.borrower("D00001") is not None:
        return {"deja": True}
    today = today or datetime.date.today()
    copies = _copies(store, portal)
    if not copies:
        return {"exemplaires": 0}
    plan = make_plan(copies, today, scale=scale)
    for person in plan.borrowers:
        borrower_records.add_borrower(
            store,
            card=person.card,
            today=person.created,
            name=person.name,
            kind=person.kind,
            category=person.category,
            email=person.email,
            structure=person.structure,
            home_site=person.home_site,
            membership_year=today.year,
            expires=datetime.date(today.year + 1, 12, 31),
        )
    _link_demo_member(store, plan.borrowers[0].card)
    clock = _Clock()
    desk = _desk(portal, store, clock)
    done = {"visit": 0, "lend": 0, "return": 0, "refus": 0}
    arrivals = []  # (when, barcode, site) of the copies sent home after a return
    for step in plan.steps:
        _arrive(desk, clock, arrivals, step.when)
        clock.when = step.when
        try:
            if step.action == "visit":
                desk.record_visit(site=step.site, card=step.card or None, first=step.first)
            elif step.action == "lend":
                desk.lend(
                    step.barcode, step.card, site=step.site, override="reprise de démonstration"
                )
            else:
                desk.give_back(step.barcode, site=step.site)
                copy = store.copy(step.barcode)
                if copy.barcode in store.transit:  # returned at a relay: it travels home
                    arrivals.append((step.when + TRANSIT, copy.barcode, copy.transit_to))
        except CirculationError as exc:
            done["refus"] += 1
            logger.debug("demo step %s refused: %s", step, exc)
            continue
        done[step.action] += 1
    # what had time to arrive by today is received; the last days' stay in transit
    _arrive(desk, clock, arrivals, datetime.datetime.combine(today, datetime.time(9)))
    logger.info("demo circulation: %s", done)
    return done


def _arrive(desk, clock, arrivals, until):
    """Receive, at their destination, the copies due to arrive before `until`
    (a relay's copy comes back to Toulouse in a couple of days)."""
    while arrivals and arrivals[0][0] <= until:
        when, barcode, site = arrivals.pop(0)
        clock.when = when
        try:
            desk.receive(barcode, site)
        except CirculationError as exc:
            logger.debug("demo arrival of %s refused: %s", barcode, exc)


def _link_demo_member(store, card):
    """The demo reader account (lecteur-demo) holds the first demo card: Mon compte."""
    if api.user.get(username=DEMO_MEMBER) is None:
        api.user.create(
            email="lecteur-demo@exemple.fr",
            username=DEMO_MEMBER,
            password="demo-reseau-2026",  # the demo accounts of the README
            properties={"fullname": "Lecteur de démonstration"},
        )
    borrower_records.update_borrower(store, store.borrower(card), member_id=DEMO_MEMBER)
