"""The open period of a network space (pure Python: no Zope)."""

import datetime

from rt.infodoc.networks import period

D = datetime.date


def test_no_bounds_is_always_open():
    assert period.is_open(None, None, D(2030, 1, 1))
    assert period.period_status(None, None, D(2030, 1, 1)) is None


def test_open_inside_the_period_bounds_included():
    start, end = D(2027, 1, 10), D(2027, 6, 30)
    assert not period.is_open(start, end, D(2027, 1, 9))
    assert period.is_open(start, end, D(2027, 1, 10))
    assert period.is_open(start, end, D(2027, 6, 30))
    assert not period.is_open(start, end, D(2027, 7, 1))


def test_statuses_in_french():
    start, end = D(2027, 1, 1), D(2027, 6, 30)
    assert period.period_status(start, end, D(2026, 12, 1)) == (
        period.NOT_YET,
        {"date": "1er janvier 2027"},
    )
    assert period.period_status(start, end, D(2027, 3, 1)) == (
        period.UNTIL,
        {"date": "30 juin 2027"},
    )
    assert period.period_status(start, end, D(2027, 8, 1)) == (
        period.CLOSED,
        {"date": "1er juillet 2027"},
    )
    assert period.period_status(start, None, D(2027, 8, 1)) == (
        period.SINCE,
        {"date": "1er janvier 2027"},
    )


def test_end_before_start_is_refused():
    assert period.period_error(D(2027, 6, 30), D(2027, 1, 1)) == period.PERIOD_ERROR
    assert period.period_error(D(2027, 1, 1), D(2027, 1, 1)) is None
    assert period.period_error(None, D(2027, 1, 1)) is None


def test_the_core_imports_no_zope():
    source = open(period.__file__, encoding="utf-8").read()
    assert "import zope" not in source and "from zope" not in source
    assert "Products" not in source and "plone" not in source
