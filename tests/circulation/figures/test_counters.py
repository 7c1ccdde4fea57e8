"""The counters of the activity report (pure core, no Zope)."""

import datetime
import time

from rt.infodoc.circulation.figures.counters import Activity
from rt.infodoc.circulation.figures.counters import Figures
from rt.infodoc.circulation.figures.counters import keys
from rt.infodoc.circulation.figures.counters import tally


def day(y, m, d=1):
    return datetime.date(y, m, d)


def test_a_loan_counts_in_total_site_themes_type_and_category():
    activity = Activity("pret", day(2011, 3), "foix", ("sante", "habitat"), "ouvrage", "usager")
    assert keys(activity) == [
        "pret|2011|3|total|",
        "pret|2011|3|site|foix",
        "pret|2011|3|theme|habitat",
        "pret|2011|3|theme|sante",
        "pret|2011|3|type|ouvrage",
        "pret|2011|3|categorie|usager",
    ]


def test_a_visit_has_no_theme_nor_document_type_and_unknowns_are_counted():
    assert keys(Activity("visite", day(2011, 5))) == [
        "visite|2011|5|total|",
        "visite|2011|5|site|-",
        "visite|2011|5|categorie|-",
    ]


def test_monthly_yearly_and_by_dimension():
    records = [
        Activity("pret", day(2010, 1), "toulouse", ("sante",), "ouvrage", "adherent"),
        Activity("pret", day(2011, 1), "toulouse", ("sante",), "ouvrage", "adherent"),
        Activity("pret", day(2011, 1), "foix", ("habitat",), "mallette", "relais"),
        Activity("pret", day(2011, 12), "foix", ("habitat",), "mallette", "relais"),
        Activity("retour", day(2011, 2), "foix", ("habitat",), "mallette", "relais"),
        Activity("visite", day(2011, 2)),
        Activity("accueil", day(2011, 2)),
    ]
    figures = Figures(tally(records))
    assert figures.years() == [2010, 2011]
    monthly = figures.monthly(2011)
    assert monthly["pret"] == [2] + [0] * 10 + [1]
    assert monthly["retour"][1] == 1 and monthly["visite"][1] == 1 and monthly["accueil"][1] == 1
    assert figures.yearly() == [
        (2010, {"accueil": 0, "visite": 0, "pret": 1, "retour": 0}),
        (2011, {"accueil": 1, "visite": 1, "pret": 3, "retour": 1}),
    ]
    assert figures.by("site", 2011) == [("foix", 2), ("toulouse", 1)]
    assert figures.by("type", 2011) == [("mallette", 2), ("ouvrage", 1)]
    assert figures.by("categorie", 2011, "retour") == [("relais", 1)]


def test_reading_ten_years_of_counters_takes_no_time():
    """100,000 loans over ten years make a few thousand counters at most; the page
    reads those, not the loans."""
    records = [
        Activity(
            "pret",
            day(2015 + i % 10, 1 + i % 12),
            f"site{i % 9}",
            (f"theme{i % 16}",),
            f"type{i % 14}",
            f"cat{i % 5}",
        )
        for i in range(100_000)
    ]
    counts = tally(records)
    assert sum(v for k, v in counts.items() if "|total|" in k) == 100_000
    started = time.perf_counter()
    figures = Figures(counts)
    for year in figures.years():
        figures.monthly(year)
        for dimension in ("site", "theme", "type", "categorie"):
            figures.by(dimension, year)
    figures.yearly()
    assert time.perf_counter() - started < 0.5
