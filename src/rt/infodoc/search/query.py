"""The search query: a pure-Python value built from URL parameters and back.

No Zope or Plone import here: the portal pages, the feeds, the REST service and the
tests all build a `SearchQuery` the same way and get the same permalink back.
"""

import re
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace

from rt.infodoc import _

# Facets in display order (Solr and catalog field names).
FACETS = (
    "themes",
    "document_type",
    "year",
    "authors",
    "descriptors",
    "territory",
    "doc_language",
    "support",
    "production_kind",
    "availability",
    "relay_sites",
)

FACET_TITLES = {
    "themes": _("Thématiques"),
    "document_type": _("Type de document"),
    "year": _("Année"),
    "authors": _("Auteurs"),
    "descriptors": _("Descripteurs"),
    "territory": _("Territoire"),
    "doc_language": _("Langue"),
    "support": _("Support"),
    "production_kind": _("Nature"),
    "availability": _("Disponibilité"),
    "relay_sites": _("Sites relais"),
}

SORTS = ("relevance", "date", "title")
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_TEXT = 500
# Solr reads `start` (the offset of the page's first result) as a 32-bit int: the
# last page keeps start + rows below 2**31 at the largest page size. A page past
# the results is simply empty.
MAX_PAGE = (2**31 - 1) // MAX_PAGE_SIZE

_TEXT_PARAMS = ("title", "author", "subject", "isbn")
_DIGITS = re.compile(r"([+-]?)0*([0-9]+)\Z", re.ASCII)
# Control characters (never typed, they break XML feeds) and lone surrogates (not
# text: they cannot be encoded, to Solr or in the page) become spaces.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _text(value):
    """A form value as one clean line of text (records and uploads are not text)."""
    if not isinstance(value, (str, int, float)):
        return ""
    text = str(value)
    if _NOT_TEXT.search(text):
        text = _NOT_TEXT.sub(" ", text)
    return " ".join(text.split())[:MAX_TEXT]


def _first(form, name):
    """One value of a form/query-string mapping (lists keep their first item)."""
    value = form.get(name)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None:
        return ""
    return _text(value)


def _all(form, name):
    """Every value of a repeatable parameter, without blanks or duplicates."""
    value = form.get(name)
    if value is None:
        return []
    values = value if isinstance(value, (list, tuple)) else [value]
    seen = []
    for item in values:
        for part in str(item).split("\x00") if isinstance(item, str) else [item]:
            part = _text(part)
            if part and part not in seen:
                seen.append(part)
    return seen


def _int(value, default=None, minimum=None, maximum=None):
    """An integer parameter: ASCII digits only (not "١٢" or "1_000"), `default`
    when it is not one, clamped to [minimum, maximum] (a thousand digits too)."""
    match = _DIGITS.match(str(value).strip())
    if not match:
        return default
    sign, digits = match.groups()
    number = int(digits) if len(digits) <= 19 else 10**19
    number = -number if sign == "-" else number
    if minimum is not None and number < minimum:
        return default if default is not None else minimum
    if maximum is not None and number > maximum:
        return maximum
    return number


@dataclass
class SearchQuery:
    """What the user asked for. `filters`: facet name -> selected values (OR)."""

    text: str = ""
    title: str = ""
    author: str = ""
    subject: str = ""
    isbn: str = ""
    year_from: int | None = None
    year_to: int | None = None
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    def __post_init__(self):
        self.text = (self.text or "").strip()
        for name in _TEXT_PARAMS:
            setattr(self, name, (getattr(self, name) or "").strip())
        self.filters = {
            name: [v for v in values if v]
            for name, values in (self.filters or {}).items()
            if name in FACETS and any(values)
        }
        if self.sort not in SORTS:
            self.sort = "relevance"
        self.page = min(MAX_PAGE, max(1, int(self.page or 1)))
        self.page_size = min(MAX_PAGE_SIZE, max(1, int(self.page_size or DEFAULT_PAGE_SIZE)))

    @classmethod
    def from_request(cls, form):
        """Build a query from URL parameters (a dict of str or list of str)."""
        form = form or {}
        year_from = _int(_first(form, "year_from"), None, 0, 9999)
        year_to = _int(_first(form, "year_to"), None, 0, 9999)
        if year_from is not None and year_to is not None and year_from > year_to:
            year_from, year_to = year_to, year_from  # "from 2020 to 2010" is 2010-2020
        filters = {}
        for name in FACETS:
            values = _all(form, f"f.{name}")
            if values:
                filters[name] = values
        return cls(
            text=_first(form, "q"),
            title=_first(form, "title"),
            author=_first(form, "author"),
            subject=_first(form, "subject"),
            isbn=_first(form, "isbn"),
            year_from=year_from,
            year_to=year_to,
            filters=filters,
            sort=_first(form, "sort") or "relevance",
            page=_int(_first(form, "page"), 1, 1, MAX_PAGE),
            page_size=_int(_first(form, "page_size"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
        )

    def to_params(self):
        """The URL parameters of this query, as a list of (name, value) pairs.

        Defaults are left out, so `urlencode(query.to_params())` is a short permalink.
        """
        params = []
        if self.text:
            params.append(("q", self.text))
        for name in _TEXT_PARAMS:
            if getattr(self, name):
                params.append((name, getattr(self, name)))
        if self.year_from is not None:
            params.append(("year_from", str(self.year_from)))
        if self.year_to is not None:
            params.append(("year_to", str(self.year_to)))
        for name in FACETS:
            for value in self.filters.get(name, ()):
                params.append((f"f.{name}", value))
        if self.sort != "relevance":
            params.append(("sort", self.sort))
        if self.page != 1:
            params.append(("page", str(self.page)))
        if self.page_size != DEFAULT_PAGE_SIZE:
            params.append(("page_size", str(self.page_size)))
        return params

    # ------------------------------------------------------------ helpers

    @property
    def is_empty(self):
        """True when nothing was typed and nothing was selected."""
        return not (
            self.text
            or any(getattr(self, n) for n in _TEXT_PARAMS)
            or self.year_from is not None
            or self.year_to is not None
            or self.filters
        )

    @property
    def start(self):
        """0-based index of the first result of the page."""
        return (self.page - 1) * self.page_size

    def selected(self, facet, value):
        return value in self.filters.get(facet, ())

    def toggled(self, facet, value):
        """A copy with `value` of `facet` selected or unselected, back on page 1."""
        filters = {k: list(v) for k, v in self.filters.items()}
        values = filters.setdefault(facet, [])
        if value in values:
            values.remove(value)
        else:
            values.append(value)
        return replace(self, filters=filters, page=1)

    def with_page(self, page):
        return replace(self, filters={k: list(v) for k, v in self.filters.items()}, page=page)
