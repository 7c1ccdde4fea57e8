"""A desk on the test site's own store (the layer's ZODB), for the tests of the
reminders, Mon compte and the figures: loans made through circulation's desk,
so the events fire as they do at the real desk."""

from datetime import date
from datetime import datetime
from datetime import timedelta

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation import copies
from rt.infodoc.circulation.desk import Desk
from rt.infodoc.circulation.rules.calendar import Calendar
from rt.infodoc.circulation.rules.policy import Policy
from rt.infodoc.circulation.store import get_store

PASSWORD = "secret-123456"


class Clock:
    def __init__(self, when=datetime(2026, 12, 7, 10, 0)):
        self.when = when

    def __call__(self):
        return self.when


def site(layer):
    portal = layer["portal"]
    setSite(portal)
    login(layer["app"], SITE_OWNER_NAME)
    return portal


def desk(portal, when=datetime(2026, 12, 7, 10, 0)):
    clock = Clock(when)
    result = Desk(portal, get_store(portal, create=True), Policy(), Calendar(), "doc", now=clock)
    result.clock = clock
    return result


def notice(portal, id, title, themes=("savoirs-de-base",), doc_type="ouvrage"):
    container = portal
    obj = api.content.create(
        container=container, type="Notice", id=id, title=title, themes=list(themes)
    )
    api.content.transition(obj=obj, to_state="published")
    obj.reindexObject()
    return obj


def copy(portal, obj, barcode, site="toulouse", doc_type="ouvrage"):
    return copies.add_copy(get_store(portal, create=True), obj.UID(), barcode, doc_type, site=site)


def borrower(portal, card, name, category="adherent", email="", **fields):
    fields.setdefault("expires", date(2030, 12, 31))
    return borrowers.add_borrower(
        get_store(portal, create=True),
        card=card,
        today=date(2026, 1, 5),
        name=name,
        category=category,
        email=email,
        **fields,
    )


def user(username, *groups):
    api.user.create(email=f"{username}@example.org", username=username, password=PASSWORD)
    for group in groups:
        api.group.add_user(groupname=group, username=username)


def backdate(portal, barcode, days):
    """The current loan of `barcode` as if lent `days` earlier (its start and due
    date): a renewal on the day of the loan is too soon (rules/check.py). The
    caller commits."""
    loan = get_store(portal).loan(barcode)
    loan.start -= timedelta(days=days)
    loan.due -= timedelta(days=days)
    return loan


def commit():
    transaction.commit()
