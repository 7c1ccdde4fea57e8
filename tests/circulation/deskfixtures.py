"""A desk on an in-memory store (BTrees without a database): fast, no Zope."""

from datetime import date
from datetime import datetime

import pytest
import zope.event

from rt.infodoc.circulation import records
from rt.infodoc.circulation.desk import Desk
from rt.infodoc.circulation.rules.calendar import Calendar
from rt.infodoc.circulation.rules.policy import Policy
from rt.infodoc.circulation.store import CirculationStore


class Clock:
    def __init__(self, when=datetime(2026, 12, 7, 10, 0)):  # a Monday
        self.when = when

    def __call__(self):
        return self.when


def make_desk(**kwargs):
    store = CirculationStore()
    clock = Clock()
    desk = Desk(None, store, Policy(), Calendar(), staff="doc", now=clock, **kwargs)
    desk.clock = clock
    return desk


def add_copy(desk, barcode, uid="notice-1", site="toulouse", doc_type="ouvrage", **fields):
    copy = records.Copy(barcode=barcode, uid=uid, site=site, doc_type=doc_type, **fields)
    desk.store.copies[barcode] = copy
    from rt.infodoc.circulation.store import _index_add

    _index_add(desk.store.copies_by_uid, uid, barcode)
    return copy


def add_borrower(desk, card, category="adherent", name=None, expires=date(2027, 6, 30), **fields):
    borrower = records.Borrower(
        id=card,
        name=name or f"Lecteur {card}",
        category=category,
        expires=expires,
        created=date(2026, 1, 5),
        **fields,
    )
    desk.store.borrowers[card] = borrower
    return borrower


@pytest.fixture(autouse=True)
def _no_site_subscribers():
    """These desks have no Plone site: the site's subscribers (figures, reminders,
    the availability index), registered when another test loaded the ZCML in this
    process, must not hear their events."""
    saved = list(zope.event.subscribers)
    zope.event.subscribers[:] = []
    yield
    zope.event.subscribers[:] = saved
