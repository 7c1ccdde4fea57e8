"""French dates for readers ("3 février 2022"); pure Python, no Zope."""

import datetime

from rt.infodoc import french_dates
from rt.infodoc.french_dates import MONTHS


def as_date(value):
    """A date from a date, a datetime, a Zope DateTime or an ISO string; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if hasattr(value, "asdatetime"):  # Zope DateTime
        return value.asdatetime().date()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def long_date(value):
    """ "3 février 2022" ("1er mars 2011" for the first of a month); "" for no date."""
    day = as_date(value)
    if day is None or day.year < 1000:
        return ""
    return french_dates.long_date(day)


def month_label(key):
    """ "2022-02" -> "février 2022"; anything else is returned as it is."""
    try:
        year, month = key.split("-")
        return f"{MONTHS[int(month) - 1]} {int(year)}"
    except (ValueError, IndexError, AttributeError):
        return key or ""


def month_key(value):
    day = as_date(value)
    return f"{day.year:04d}-{day.month:02d}" if day else ""
