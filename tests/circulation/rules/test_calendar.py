"""Closed days move due dates to the next open day."""

from datetime import date

from rt.infodoc.circulation.rules.calendar import Calendar
from rt.infodoc.circulation.rules.calendar import calendar_from_settings
from rt.infodoc.circulation.rules.calendar import easter
from rt.infodoc.circulation.rules.calendar import french_holidays


def test_easter_dates():
    assert easter(2026) == date(2026, 4, 5)
    assert easter(2027) == date(2027, 3, 28)


def test_french_holidays_2026():
    days = french_holidays(2026)
    assert date(2026, 4, 6) in days  # lundi de Pâques
    assert date(2026, 5, 14) in days  # Ascension
    assert date(2026, 5, 25) in days  # lundi de Pentecôte
    assert len(days) == 11


def test_weekend_moves_to_monday():
    cal = Calendar()
    # Sunday 6 December 2026 + 27 days = Saturday 2 January 2027 -> Monday 4
    assert cal.due_date(date(2026, 12, 6), 27) == date(2027, 1, 4)


def test_holiday_moves_to_the_next_open_day():
    cal = Calendar()
    # 11 November 2026 is a Wednesday and a public holiday
    assert cal.due_date(date(2026, 10, 14), 28) == date(2026, 11, 12)


def test_closed_dates_from_settings():
    cal = calendar_from_settings(closed_weekdays=[6], closed_dates=["2026-08-10", "n'importe"])
    assert cal.next_open(date(2026, 8, 9)) == date(2026, 8, 11)
    assert cal.is_open(date(2026, 8, 8))  # a Saturday is open here
