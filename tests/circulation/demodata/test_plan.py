"""The demo year of circulation (pure plan, no Zope)."""

import datetime

from rt.infodoc.circulation.demodata.plan import LIMITS
from rt.infodoc.circulation.demodata.plan import YEAR_2011
from rt.infodoc.circulation.demodata.plan import make_plan

TODAY = datetime.date(2026, 12, 6)
COPIES = [(f"B{i:05d}", "toulouse") for i in range(300)]


def test_the_year_has_the_scale_of_the_2011_report():
    plan = make_plan(COPIES, TODAY)
    assert plan.count("visit", first=True) == YEAR_2011["accueil"] == 206
    assert plan.count("visit") == YEAR_2011["visite"] == 410
    assert plan.count("lend") == YEAR_2011["pret"] == 977
    assert 0 < plan.count("lend") - plan.count("return") < 150  # a few still out
    first, last = plan.steps[0].when.date(), plan.steps[-1].when.date()
    assert (TODAY - first).days < 366 and last <= TODAY


def test_the_same_seed_gives_the_same_year():
    assert make_plan(COPIES, TODAY).steps == make_plan(COPIES, TODAY).steps


def test_no_copy_is_lent_twice_at_once_and_no_borrower_passes_their_limit():
    plan = make_plan(COPIES, TODAY)
    category = {b.card: b.category for b in plan.borrowers}
    created = {b.card: b.created for b in plan.borrowers}
    holder, count = {}, {}
    for step in plan.steps:
        if step.action == "lend":
            assert step.barcode not in holder
            assert created[step.card] <= step.when.date()
            holder[step.barcode] = step.card
            count[step.card] = count.get(step.card, 0) + 1
            assert count[step.card] <= LIMITS[category[step.card]]
        elif step.action == "return":
            card = holder.pop(step.barcode)
            count[card] -= 1


def test_some_loans_are_late_enough_for_every_reminder_level():
    plan = make_plan(COPIES, TODAY)
    out = {}
    for step in plan.steps:
        if step.action == "lend":
            out[step.barcode] = step.when.date()
        elif step.action == "return":
            del out[step.barcode]
    ages = [(TODAY - lent).days for lent in out.values()]
    assert any(age > 90 for age in ages)  # lent for about a month: late by the 3rd level
    assert any(age < 20 for age in ages)  # and loans simply not due yet


def test_a_small_plan_for_tests():
    plan = make_plan(COPIES[:20], TODAY, scale=0.05)
    assert 40 < plan.count("lend") + plan.count("visit") < 80


def test_the_demo_addresses_are_plain_ascii():
    """A mail server refuses "nguyen.hélène.183@exemple.fr" (no SMTPUTF8): the
    reminders of the demo site would all fail for accented names."""
    plan = make_plan(COPIES, TODAY)
    addresses = [b.email for b in plan.borrowers if b.email]
    assert len(addresses) > 100
    assert all(a.isascii() and " " not in a and a.count("@") == 1 for a in addresses), [
        a for a in addresses if not a.isascii()
    ][:3]
