"""Counting circulation activity for the activity report (pure Python, no Zope).

Every loan, return, visit and first visit ("premier accueil") adds one to a few
counters, each named by a key ``kind|year|month|dimension|value``:

- ``kind``: ``pret``, ``retour``, ``visite`` or ``accueil`` (premier accueil);
- ``dimension``: ``total`` (value empty), ``site``, ``theme``, ``type``
  (document type) or ``categorie`` (borrower category).

The page then reads a few hundred counters instead of scanning 100,000 loans:
drawing it does not grow with the history.  ``tally`` builds the same counters
from a list of records (the tests, a rebuild from the loan history).
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from rt.infodoc import _

KINDS = ("accueil", "visite", "pret", "retour")
# Titles are message ids (domain rt.infodoc), French as they stand: the page
# translates them with the request, the pure report uses them as plain French.
KIND_TITLES = {
    "accueil": _("Premiers accueils"),
    "visite": _("Visites"),
    "pret": _("Prêts"),
    "retour": _("Retours"),
}
DIMENSIONS = ("site", "theme", "type", "categorie")
DIMENSION_TITLES = {
    "site": _("par site"),
    "theme": _("par thématique"),
    "type": _("par type de document"),
    "categorie": _("par catégorie d'emprunteur"),
}
UNKNOWN = "-"


@dataclass(frozen=True)
class Activity:
    """One thing that happened: a loan, a return, a visit, a first visit."""

    kind: str
    day: datetime.date
    site: str = ""
    themes: tuple = ()
    doc_type: str = ""
    category: str = ""


def _clean(value):
    return (value or UNKNOWN).replace("|", "/")


def keys(activity):
    """The counter keys one activity adds one to."""
    if activity.kind not in KINDS:
        raise ValueError(f"activité inconnue : {activity.kind}")
    head = f"{activity.kind}|{activity.day.year}|{activity.day.month}"
    found = [f"{head}|total|", f"{head}|site|{_clean(activity.site)}"]
    if activity.kind in ("pret", "retour"):
        for theme in sorted(set(activity.themes or ())) or [UNKNOWN]:
            found.append(f"{head}|theme|{_clean(theme)}")
        found.append(f"{head}|type|{_clean(activity.doc_type)}")
    found.append(f"{head}|categorie|{_clean(activity.category)}")
    return found


def tally(activities):
    """Counter of keys for these activities."""
    counts = Counter()
    for activity in activities:
        counts.update(keys(activity))
    return counts


def parse(key):
    kind, year, month, dimension, value = key.split("|", 4)
    return kind, int(year), int(month), dimension, value


class Figures:
    """Read the counters (a mapping key -> int) for the page and the CSV."""

    def __init__(self, counts):
        self.rows = [(*parse(key), count) for key, count in counts.items() if count]

    def years(self):
        return sorted({row[1] for row in self.rows})

    def monthly(self, year):
        """{kind: [12 counts]} for the year."""
        table = {kind: [0] * 12 for kind in KINDS}
        for kind, y, month, dimension, _value, count in self.rows:
            if y == year and dimension == "total" and kind in table:
                table[kind][month - 1] += count
        return table

    def yearly(self):
        """[(year, {kind: count})], oldest first (the report's evolution table)."""
        table = {}
        for kind, year, _month, dimension, _value, count in self.rows:
            if dimension == "total":
                totals = table.setdefault(year, dict.fromkeys(KINDS, 0))
                totals[kind] = totals.get(kind, 0) + count
        return sorted(table.items())

    def by(self, dimension, year, kind="pret"):
        """[(value, count)] for one year, largest first."""
        counts = Counter()
        for k, y, _month, dim, value, count in self.rows:
            if k == kind and y == year and dim == dimension:
                counts[value] += count
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
