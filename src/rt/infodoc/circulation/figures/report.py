"""The sections of the figures page and the CSV, built from the counters
(pure Python: labels are passed in, nothing reads Zope)."""

import csv
import io

from rt.infodoc.circulation.figures import charts
from rt.infodoc.circulation.figures.counters import DIMENSION_TITLES
from rt.infodoc.circulation.figures.counters import KIND_TITLES
from rt.infodoc.circulation.figures.counters import KINDS
from rt.infodoc.circulation.figures.counters import MONTHS
from rt.infodoc.circulation.figures.counters import UNKNOWN

SHORT_MONTHS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
NOT_GIVEN = "Non renseigné"


def _label(labels, value):
    if value == UNKNOWN:
        return NOT_GIVEN
    return labels.get(value, value)


def yearly_section(figures):
    rows = figures.yearly()
    headers = ["Année"] + [KIND_TITLES[k] for k in KINDS]
    body = [[str(year)] + [totals[k] for k in KINDS] for year, totals in rows]
    return {
        "id": "evolution",
        "title": "Évolution annuelle",
        "caption": "Premiers accueils, visites, prêts et retours par année",
        "headers": headers,
        "rows": body,
        "chart": charts.grouped_bars(
            "Évolution annuelle",
            [str(year) for year, _t in rows],
            [(KIND_TITLES[k], [totals[k] for _y, totals in rows]) for k in KINDS],
        ),
    }


def monthly_section(figures, year):
    table = figures.monthly(year)
    headers = ["Mois"] + [KIND_TITLES[k] for k in KINDS]
    body = [[MONTHS[m]] + [table[k][m] for k in KINDS] for m in range(12)]
    body.append(["Total"] + [sum(table[k]) for k in KINDS])
    return {
        "id": "mois",
        "title": f"Mois par mois en {year}",
        "caption": f"Premiers accueils, visites, prêts et retours par mois en {year}",
        "headers": headers,
        "rows": body,
        "chart": charts.grouped_bars(
            f"Mois par mois en {year}",
            list(SHORT_MONTHS),
            [(KIND_TITLES[k], table[k]) for k in KINDS],
        ),
    }


def dimension_section(figures, year, dimension, labels, kind="pret"):
    rows = [(_label(labels, value), count) for value, count in figures.by(dimension, year, kind)]
    title = f"{KIND_TITLES[kind]} {DIMENSION_TITLES[dimension]} en {year}"
    return {
        "id": f"{kind}-{dimension}",
        "title": title,
        "caption": title,
        "headers": [DIMENSION_TITLES[dimension].split(" ", 1)[1].capitalize(), KIND_TITLES[kind]],
        "rows": [[label, count] for label, count in rows],
        "chart": charts.horizontal_bars(title, rows, KIND_TITLES[kind]) if rows else None,
    }


def sections(figures, year, labels):
    """Every section of the page for ``year``; ``labels`` maps a dimension to
    {code: French title}."""
    found = [yearly_section(figures), monthly_section(figures, year)]
    for dimension in ("site", "theme", "type", "categorie"):
        found.append(dimension_section(figures, year, dimension, labels.get(dimension, {})))
    return found


def csv_text(figures, labels):
    """Every counter as rows ``année;mois;activité;axe;valeur;nombre`` (French
    Excel opens ``;``-separated UTF-8 with a BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Année", "Mois", "Activité", "Axe", "Valeur", "Nombre"])
    axis = {"total": "Total", **{d: t.split(" ", 1)[1] for d, t in DIMENSION_TITLES.items()}}
    for kind, year, month, dimension, value, count in sorted(figures.rows):
        shown = "" if dimension == "total" else _label(labels.get(dimension, {}), value)
        writer.writerow([year, MONTHS[month - 1], KIND_TITLES[kind], axis[dimension], shown, count])
    return "\ufeff" + out.getvalue()
