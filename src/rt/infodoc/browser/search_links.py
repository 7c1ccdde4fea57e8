"""Permalinks of the search page: every state of a search is a GET URL. Pure Python."""

from dataclasses import replace
from urllib.parse import quote_plus
from urllib.parse import urlencode

from rt.infodoc import _
from rt.infodoc.search.query import FACET_TITLES
from rt.infodoc.search.query import FACETS

ADVANCED = (("title", "Titre"), ("author", "Auteur"), ("subject", "Sujet"), ("isbn", "ISBN/ISSN"))
SORT_LABELS = (
    ("relevance", _("Pertinence")),
    ("date", _("Date (plus récent d'abord)")),
    ("title", _("Titre (A à Z)")),
)


def _copy(query, **changes):
    changes.setdefault("filters", {k: list(v) for k, v in query.filters.items()})
    return replace(query, **changes)


def url_of(base, query):
    params = query.to_params()
    return f"{base}?{urlencode(params)}" if params else base


def toggle_url(base, query, facet, value):
    return url_of(base, query.toggled(facet, value))


class FacetLinks:
    """``toggle_url`` for every value of every facet of one page, without a new
    SearchQuery per value: the parameters that do not change are encoded once,
    and joined once around each facet's place, so a link costs the encoding of
    its own value. The same URLs as ``toggle_url`` (tests/browser/test_pure_helpers.py)."""

    def __init__(self, base, query):
        params = [(k, v) for k, v in query.to_params() if k != "page"]
        self.base = base
        head = [_pair(k, v) for k, v in params if not k.startswith("f.") and k not in _TAIL]
        tail = [_pair(k, v) for k, v in params if k in _TAIL]
        self.filters = {name: list(query.filters.get(name, ())) for name in FACETS}
        encoded = {
            name: [_pair(f"f.{name}", v) for v in values] for name, values in self.filters.items()
        }
        self._own = encoded
        self._around = {}
        for position, name in enumerate(FACETS):
            before = head + [pair for other in FACETS[:position] for pair in encoded[other]]
            after = [pair for other in FACETS[position + 1 :] for pair in encoded[other]] + tail
            self._around[name] = (before, after)

    def url(self, facet, value):
        before, after = self._around[facet]
        values = self.filters[facet]
        if value in values:
            own = [pair for v, pair in zip(values, self._own[facet], strict=True) if v != value]
        else:
            own = [*self._own[facet], _pair(f"f.{facet}", value)]
        parts = before + own + after
        return f"{self.base}?{'&'.join(parts)}" if parts else self.base


_TAIL = ("sort", "page_size")


def _pair(name, value):
    return f"{quote_plus(name)}={quote_plus(str(value))}"


def sort_url(base, query, sort):
    return url_of(base, _copy(query, sort=sort, page=1))


def page_url(base, query, page):
    return url_of(base, query.with_page(page))


def chips(base, query, title_of):
    """The active criteria as removable chips: [{'label', 'url'}].

    `title_of(facet, value)` gives the French title of a facet value.
    """
    rows = []
    if query.text:
        rows.append(
            {
                "label": f"Recherche : « {query.text} »",
                "url": url_of(base, _copy(query, text="", page=1)),
            }
        )
    for name, label in ADVANCED:
        value = getattr(query, name)
        if value:
            rows.append(
                {
                    "label": f"{label} : {value}",
                    "url": url_of(base, _copy(query, **{name: "", "page": 1})),
                }
            )
    if query.year_from is not None or query.year_to is not None:
        if query.year_from is not None and query.year_to is not None:
            label = f"Années : {query.year_from}–{query.year_to}"
        elif query.year_from is not None:
            label = f"Années : depuis {query.year_from}"
        else:
            label = f"Années : jusqu'à {query.year_to}"
        rows.append(
            {
                "label": label,
                "url": url_of(base, _copy(query, year_from=None, year_to=None, page=1)),
            }
        )
    for facet, values in query.filters.items():
        for value in values:
            rows.append(
                {
                    "label": f"{FACET_TITLES.get(facet, facet)} : {title_of(facet, value)}",
                    "url": toggle_url(base, query, facet, value),
                }
            )
    return rows


def page_window(current, pages, around=2):
    """Page numbers to link, None for a gap: 1 … 4 5 [6] 7 8 … 20."""
    if pages <= 1:
        return []
    shown = {1, pages} | set(range(max(1, current - around), min(pages, current + around) + 1))
    window, previous = [], 0
    for number in sorted(shown):
        if number - previous > 1:
            window.append(None)
        window.append(number)
        previous = number
    return window
