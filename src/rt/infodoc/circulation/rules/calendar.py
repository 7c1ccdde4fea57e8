"""Opening days: a due date falling on a closed day moves to the next open day (pure)."""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta


def easter(year):
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def french_holidays(year):
    """The eleven public holidays of metropolitan France."""
    e = easter(year)
    return {
        date(year, 1, 1),
        e + timedelta(days=1),  # lundi de Pâques
        date(year, 5, 1),
        date(year, 5, 8),
        e + timedelta(days=39),  # Ascension
        e + timedelta(days=50),  # lundi de Pentecôte
        date(year, 7, 14),
        date(year, 8, 15),
        date(year, 11, 1),
        date(year, 11, 11),
        date(year, 12, 25),
    }


@dataclass(frozen=True)
class Calendar:
    """Closed weekdays (0 = Monday) and closed dates (holidays, summer closure)."""

    closed_weekdays: frozenset = frozenset({5, 6})
    closed_dates: frozenset = field(default_factory=frozenset)
    public_holidays: bool = True

    def is_open(self, day):
        if day.weekday() in self.closed_weekdays or day in self.closed_dates:
            return False
        return not (self.public_holidays and day in french_holidays(day.year))

    def next_open(self, day):
        """`day` itself when open, else the next open day (a year at most)."""
        for _ in range(366):
            if self.is_open(day):
                return day
            day += timedelta(days=1)
        return day

    def due_date(self, start, days):
        return self.next_open(start + timedelta(days=days))


def calendar_from_settings(closed_weekdays=(5, 6), closed_dates=(), public_holidays=True):
    dates = set()
    for value in closed_dates or ():
        if isinstance(value, date):
            dates.add(value)
            continue
        try:
            dates.add(date.fromisoformat(str(value).strip()))
        except ValueError:
            continue
    return Calendar(
        frozenset(int(d) for d in closed_weekdays or ()), frozenset(dates), public_holidays
    )
