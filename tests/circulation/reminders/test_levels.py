"""Who gets which reminder level (pure core, no Zope)."""

import datetime

import pytest

from rt.infodoc.circulation.reminders.levels import DelayError
from rt.infodoc.circulation.reminders.levels import Delays
from rt.infodoc.circulation.reminders.levels import OverdueLoan
from rt.infodoc.circulation.reminders.levels import outstanding
from rt.infodoc.circulation.reminders.levels import plan
from rt.infodoc.circulation.reminders.texts import DEFAULT_BODIES
from rt.infodoc.circulation.reminders.texts import render

TODAY = datetime.date(2026, 3, 31)
DELAYS = Delays(7, 21, 45)


def loan(loan_id, borrower, days_late, title="Document"):
    return OverdueLoan(loan_id, borrower, TODAY - datetime.timedelta(days=days_late), title)


def test_levels_follow_the_delays():
    assert [DELAYS.level(d) for d in (-3, 0, 6, 7, 20, 21, 44, 45, 400)] == [
        0,
        0,
        0,
        1,
        1,
        2,
        2,
        3,
        3,
    ]


def test_each_borrower_gets_one_letter_per_level_naming_its_loans():
    loans = [
        loan("a", "anne", 8),
        loan("b", "anne", 30),
        loan("c", "anne", 10),
        loan("d", "bob", 50),
    ]
    letters = plan(loans, {}, TODAY, DELAYS)
    assert [(r.borrower_id, r.level, [x.loan_id for x in r.loans]) for r in letters] == [
        ("anne", 1, ["c", "a"]),  # oldest due date first
        ("anne", 2, ["b"]),
        ("bob", 3, ["d"]),
    ]


def test_a_level_is_sent_once_and_the_next_one_when_its_delay_comes():
    loans = [loan("a", "anne", 8)]
    assert plan(loans, {"a": 1}, TODAY, DELAYS) == []  # the job ran twice today
    later = TODAY + datetime.timedelta(days=13)
    assert [r.level for r in plan(loans, {"a": 1}, later, DELAYS)] == [2]
    assert plan(loans, {"a": 2}, later, DELAYS) == []


def test_a_job_that_did_not_run_for_weeks_sends_the_highest_level_only():
    assert [r.level for r in plan([loan("a", "anne", 60)], {}, TODAY, DELAYS)] == [3]


def test_loans_not_late_enough_get_nothing():
    assert plan([loan("a", "anne", 6), loan("b", "bob", -10)], {}, TODAY, DELAYS) == []


def test_the_print_list_names_every_late_loan_whatever_was_sent():
    rows = outstanding([loan("a", "anne", 8), loan("b", "bob", 2)], TODAY, DELAYS)
    assert [(row[0].loan_id, row[1]) for row in rows] == [("a", 1)]


@pytest.mark.parametrize("delays", [(0, 5, 9), (7, 7, 9), (21, 7, 45), (7, 21, "x")])
def test_delays_must_be_increasing_positive_days(delays):
    with pytest.raises(DelayError) as info:
        Delays(*delays)
    assert "relance" in str(info.value)


def test_the_french_text_names_the_documents_and_their_due_dates():
    loans = [
        OverdueLoan("a", "anne", datetime.date(2026, 3, 1), "La France de l'illettrisme", "RT0001")
    ]
    text = render(DEFAULT_BODIES[1], "Anne Martin", loans, TODAY, "Ressources & Territoires")
    assert "Bonjour Anne Martin," in text
    assert "- La France de l'illettrisme (code-barres RT0001), à rendre le 1er mars 2026" in text
    assert "(retard : 30 jours)" in text
    assert "$" not in text


def test_an_unknown_marker_is_left_as_written():
    assert render("Bonjour $nomm", "Anne", [], TODAY, "") == "Bonjour $nomm"
