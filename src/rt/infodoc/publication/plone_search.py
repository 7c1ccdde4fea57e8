"""Plone's own search pages (@@search, @@ajax-search, collective.solr's @@search).

They hand the form to the catalog as it comes: a repeated ``SearchableText``
(a list) breaks the search-term munging, and a value of the wrong type for an
index (``created=abc``, ``path:record=x``) makes the catalog raise. Both are
HTTP 500s. Before the view runs, the text parameters are made single strings
(the values joined); what the catalog still refuses is answered 400 in French
by bad_form.BadFormView, which asks `is_query_error`.
"""

from DateTime.interfaces import DateTimeError
from Products.CMFPlone.browser.search import Search
from Products.ZCTextIndex.ParseTree import ParseError

TEXT_PARAMS = ("SearchableText", "sort_on", "sort_order")
QUERY_ERRORS = (ParseError, DateTimeError, ValueError, TypeError, AttributeError, KeyError)
MESSAGE = (
    "Recherche invalide : un des critères n'a pas la forme attendue "
    "(nombre, date, texte ou liste de valeurs)."
)


def search_view(request):
    """The Plone search view being published, or None."""
    published = request.get("PUBLISHED", None)
    published = getattr(published, "__self__", published)
    return published if isinstance(published, Search) else None


def _single(value):
    values = value if isinstance(value, (list, tuple)) else [value]
    return " ".join(v for v in values if isinstance(v, str) and v.strip())


def normalize_form(event):
    """Text parameters of a search page as one string each."""
    request = event.request
    if search_view(request) is None:
        return
    for name in TEXT_PARAMS:
        if name in request.form and not isinstance(request.form[name], str):
            request.form[name] = _single(request.form[name])


def is_query_error(request, exception):
    """True when a search page failed on the query it was given."""
    return isinstance(exception, QUERY_ERRORS) and search_view(request) is not None
