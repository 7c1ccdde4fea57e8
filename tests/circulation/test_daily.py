"""The daily job: an uncollected reservation passes to the next reader, old loan
history is anonymised after the registry's delay; running it twice changes nothing."""

from datetime import date
from datetime import datetime
from datetime import timedelta

from plone import api

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation import daily
from rt.infodoc.circulation.copies import add_copy
from rt.infodoc.circulation.settings import desk_for
from rt.infodoc.circulation.store import get_store


def test_daily_job(portal):
    store = get_store(portal)
    add_copy(store, "uid-daily", "RTD1")
    one, two, three = (
        borrowers.add_borrower(store, name=n, expires=date(2099, 1, 1)) for n in "ABC"
    )
    desk = desk_for(portal)
    start = datetime(2025, 1, 6, 10, 0)
    desk._now = start
    desk.lend("RTD1", one.id)
    desk._now = start + timedelta(minutes=1)
    first = desk.reserve("uid-daily", two.id)
    desk._now = start + timedelta(minutes=2)
    second = desk.reserve("uid-daily", three.id)
    desk._now = start + timedelta(days=2)
    old_loan = desk.give_back("RTD1")
    assert first.status == "disponible"

    api.portal.set_registry_record("rt.infodoc.circulation.anonymise_after_days", 365)
    summary = daily.run(portal, now=start + timedelta(days=30))
    assert summary == {"reservations_expirees": 1, "anonymisees": 0, "disponibilites": 0}
    assert first.status == "expiree" and second.status == "disponible"
    assert old_loan.borrower_id == one.id

    later = start + timedelta(days=400)
    summary = daily.run(portal, now=later)
    assert old_loan.borrower_id is None and summary["anonymisees"] >= 1
    assert daily.run(portal, now=later)["anonymisees"] == 0
