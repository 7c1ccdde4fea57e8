"""Facet counts -> the `Facet` list the pages show (pure Python)."""

from rt.infodoc.search.query import FACET_TITLES
from rt.infodoc.search.query import FACETS
from rt.infodoc.search.results import Facet
from rt.infodoc.search.results import FacetValue


def year_title(value):
    """ "2010-2019" -> "2010–2019" (an en dash reads better)."""
    return str(value).replace("-", "–")


def make_facets(counts, filters, title_of=None):
    """`counts`: {facet: [(value, count)]}; `title_of(facet, value)` gives a label.

    Facets without any value are left out, except when a value of them is selected.
    """
    title_of = title_of or (lambda name, value: value)
    facets = []
    for name in FACETS:
        selected = filters.get(name, [])
        values = []
        seen = set()
        for value, count in counts.get(name, []):
            if value in seen:
                continue
            seen.add(value)
            title = year_title(value) if name == "year" else title_of(name, value)
            values.append(
                FacetValue(
                    value=value, title=title or value, count=int(count), selected=value in selected
                )
            )
        for value in selected:
            if value not in seen:
                title = year_title(value) if name == "year" else title_of(name, value)
                values.append(FacetValue(value=value, title=title or value, count=0, selected=True))
        if values:
            facets.append(Facet(name=name, title=FACET_TITLES[name], values=values))
    return facets
