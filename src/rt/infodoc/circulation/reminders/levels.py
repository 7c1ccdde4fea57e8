"""Who gets which reminder level (pure Python, no Zope).

A loan late by at least ``delays.first`` days calls for the first reminder, by
``delays.second`` the second, by ``delays.third`` the third (the last, before the
centre asks for the document by other means).  A loan gets each level once: the
levels already sent are given in ``sent`` (loan id -> highest level sent), so the
job is safe to run twice in a day.  When the job did not run for a while, the
highest level reached is sent (one letter, not three at once).  Letters are
grouped by borrower and level: a borrower late on three documents gets one letter.
"""

import datetime
from dataclasses import dataclass
from dataclasses import field

from rt.infodoc import _

LEVELS = (1, 2, 3)


class DelayError(ValueError):
    """The delays are not increasing positive numbers of days; its argument is a
    message id (French), translated by the control panel that shows it."""


@dataclass(frozen=True)
class Delays:
    """Days after the due date at which each level is reached."""

    first: int = 7
    second: int = 21
    third: int = 45

    def __post_init__(self):
        values = (self.first, self.second, self.third)
        if any(not isinstance(v, int) or v < 1 for v in values):
            raise DelayError(_("les délais de relance sont des nombres de jours positifs"))
        if not self.first < self.second < self.third:
            raise DelayError(
                _("les délais de relance doivent croître : 1re relance avant la 2e, 2e avant la 3e")
            )

    def level(self, days_late):
        """The level reached after ``days_late`` days past the due date (0: none)."""
        if days_late >= self.third:
            return 3
        if days_late >= self.second:
            return 2
        if days_late >= self.first:
            return 1
        return 0


@dataclass(frozen=True)
class OverdueLoan:
    """What a reminder needs to know of one loan still out."""

    loan_id: str
    borrower_id: str
    due: datetime.date
    title: str = ""
    barcode: str = ""


@dataclass
class Reminder:
    """One letter: a borrower, a level, the loans it names (oldest due first)."""

    borrower_id: str
    level: int
    loans: list = field(default_factory=list)


def days_late(loan, today):
    return (today - loan.due).days


def plan(loans, sent, today, delays):
    """The letters to send ``today``: a list of Reminder, by borrower then level.

    ``sent`` maps a loan id to the highest level already sent for it."""
    letters = {}
    for loan in loans:
        level = delays.level(days_late(loan, today))
        if level == 0 or level <= sent.get(loan.loan_id, 0):
            continue
        key = (loan.borrower_id, level)
        letters.setdefault(key, Reminder(loan.borrower_id, level)).loans.append(loan)
    result = []
    for key in sorted(letters):
        letter = letters[key]
        letter.loans.sort(key=lambda loan: (loan.due, loan.title, loan.loan_id))
        result.append(letter)
    return result


def outstanding(loans, today, delays):
    """Every loan late enough for a reminder, with its level reached, whatever was
    sent (the page that lists the letters to print for borrowers without e-mail)."""
    rows = []
    for loan in loans:
        level = delays.level(days_late(loan, today))
        if level:
            rows.append((loan, level))
    rows.sort(key=lambda row: (row[0].borrower_id, row[0].due, row[0].loan_id))
    return rows
