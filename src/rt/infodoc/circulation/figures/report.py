"""The sections of the figures page and the CSV, built from the counters
(pure Python: labels are passed in, nothing reads Zope).

Every French word is a message id (domain rt.infodoc) turned into text by
``tr``: the page passes a translator bound to the request, and without one the
ids are read as the plain French they are (rules/messages.py: ``plain``), so
this module and its tests need no zope.i18n.
"""

import csv
import io

from rt.infodoc import _
from rt.infodoc.circulation.figures import charts
from rt.infodoc.circulation.figures.counters import DIMENSION_TITLES
from rt.infodoc.circulation.figures.counters import KIND_TITLES
from rt.infodoc.circulation.figures.counters import KINDS
from rt.infodoc.circulation.figures.counters import UNKNOWN
from rt.infodoc.circulation.rules.messages import plain
from rt.infodoc.french_dates import MONTHS
from rt.infodoc.french_dates import SHORT_MONTHS

NOT_GIVEN = _("Non renseigné")
TOTAL = _("Total")
# the first column of a dimension's table, and the "axe" column of the CSV
DIMENSION_HEADERS = {
    "site": _("Site"),
    "theme": _("Thématique"),
    "type": _("Type de document"),
    "categorie": _("Catégorie d'emprunteur"),
}
DIMENSION_AXES = {
    "site": _("site"),
    "theme": _("thématique"),
    "type": _("type de document"),
    "categorie": _("catégorie d'emprunteur"),
}
CSV_HEADERS = (
    _("Année"),
    _("Mois"),
    _("Activité"),
    _("Axe"),
    _("Valeur"),
    _("Nombre"),
)


def _label(labels, value, tr=plain):
    if value == UNKNOWN:
        return tr(NOT_GIVEN)
    return labels.get(value, value)


def _kinds(tr):
    return {kind: tr(title) for kind, title in KIND_TITLES.items()}


def yearly_section(figures, tr=plain):
    rows = figures.yearly()
    kinds = _kinds(tr)
    headers = [tr(_("Année"))] + [kinds[k] for k in KINDS]
    body = [[str(year)] + [totals[k] for k in KINDS] for year, totals in rows]
    title = tr(_("Évolution annuelle"))
    return {
        "id": "evolution",
        "title": title,
        "caption": tr(_("Premiers accueils, visites, prêts et retours par année")),
        "headers": headers,
        "rows": body,
        "chart": charts.grouped_bars(
            title,
            [str(year) for year, _t in rows],
            [(kinds[k], [totals[k] for _y, totals in rows]) for k in KINDS],
        ),
    }


def monthly_section(figures, year, tr=plain):
    table = figures.monthly(year)
    kinds = _kinds(tr)
    headers = [tr(_("Mois"))] + [kinds[k] for k in KINDS]
    body = [[tr(MONTHS[m])] + [table[k][m] for k in KINDS] for m in range(12)]
    body.append([tr(TOTAL)] + [sum(table[k]) for k in KINDS])
    title = tr(_("Mois par mois en ${year}", mapping={"year": str(year)}))
    return {
        "id": "mois",
        "title": title,
        "caption": tr(
            _(
                "Premiers accueils, visites, prêts et retours par mois en ${year}",
                mapping={"year": str(year)},
            )
        ),
        "headers": headers,
        "rows": body,
        "chart": charts.grouped_bars(
            title,
            [tr(month) for month in SHORT_MONTHS],
            [(kinds[k], table[k]) for k in KINDS],
        ),
    }


def dimension_section(figures, year, dimension, labels, kind="pret", tr=plain):
    rows = [
        (_label(labels, value, tr), count) for value, count in figures.by(dimension, year, kind)
    ]
    kind_title = tr(KIND_TITLES[kind])
    title = tr(
        _(
            "${activity} ${dimension} en ${year}",
            mapping={
                "activity": kind_title,
                "dimension": tr(DIMENSION_TITLES[dimension]),
                "year": str(year),
            },
        )
    )
    return {
        "id": f"{kind}-{dimension}",
        "title": title,
        "caption": title,
        "headers": [tr(DIMENSION_HEADERS[dimension]), kind_title],
        "rows": [[label, count] for label, count in rows],
        "chart": charts.horizontal_bars(title, rows, kind_title) if rows else None,
    }


def sections(figures, year, labels, tr=plain):
    """Every section of the page for ``year``; ``labels`` maps a dimension to
    {code: French title}; ``tr`` turns a message id into the text shown."""
    found = [yearly_section(figures, tr), monthly_section(figures, year, tr)]
    for dimension in ("site", "theme", "type", "categorie"):
        found.append(dimension_section(figures, year, dimension, labels.get(dimension, {}), tr=tr))
    for section in found:
        section["alt"] = tr(
            _(
                "Graphique : ${title}. Les chiffres sont dans le tableau qui suit.",
                mapping={"title": section["title"]},
            )
        )
    return found


def csv_text(figures, labels, tr=plain):
    """Every counter as rows ``année;mois;activité;axe;valeur;nombre`` (French
    Excel opens ``;``-separated UTF-8 with a BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([tr(header) for header in CSV_HEADERS])
    axis = {"total": tr(TOTAL), **{d: tr(t) for d, t in DIMENSION_AXES.items()}}
    kinds = _kinds(tr)
    months = [tr(month) for month in MONTHS]
    for kind, year, month, dimension, value, count in sorted(figures.rows):
        shown = "" if dimension == "total" else _label(labels.get(dimension, {}), value, tr)
        writer.writerow([year, months[month - 1], kinds[kind], axis[dimension], shown, count])
    return "\ufeff" + out.getvalue()
