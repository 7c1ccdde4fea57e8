"""The Solr path of the search: one HTTP request to /select, read back as results."""

import datetime
import math
import threading

import requests

from rt.infodoc.search import solr_params
from rt.infodoc.search import solr_response
from rt.infodoc.search.facet_list import make_facets
from rt.infodoc.search.results import ResultItem
from rt.infodoc.search.results import SearchResults

SEARCH_TIMEOUT = 5.0
_local = threading.local()


def session():
    """One HTTP session per thread (keep-alive to Solr)."""
    if getattr(_local, "session", None) is None:
        _local.session = requests.Session()
    return _local.session


def solr_get(core_url, handler, params, timeout=SEARCH_TIMEOUT):
    """POST the parameters (form encoded: long filter lists fit) and read the JSON."""
    response = session().post(f"{core_url}{handler}", data=params, timeout=timeout)
    response.raise_for_status()
    return response.json()


def _list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def run(core_url, query, roles, show_inactive, url_of, titles, types=None):
    """SearchResults of `query` from Solr. Raises requests errors when Solr fails."""
    params = solr_params.search_params(query, roles, show_inactive=show_inactive,
                                       current_year=datetime.date.today().year)
    if types:
        params.append(("fq", "portal_type:(" + " OR ".join(
            solr_params.quote(t) for t in types) + ")"))
    data = solr_get(core_url, "/select", params)
    total, docs = solr_response.hits(data)
    items = [item_of(doc, url_of, titles) for doc in docs]
    counts = solr_response.facet_counts(data, query.filters)
    return SearchResults(
        total=total,
        items=items,
        facets=make_facets(counts, query.filters, titles),
        suggestion=solr_response.suggestion(data) if query.text and _worth_suggesting(
            total, query) else None,
        backend="solr",
        degraded_notice=None,
        query=query,
        pages=math.ceil(total / query.page_size) if total else 0,
    )


def _worth_suggesting(total, query):
    """'Did you mean' when the words found little."""
    return total < 3


def item_of(doc, url_of, titles):
    document_type = doc.get("document_type")
    return ResultItem(
        uid=doc.get("UID", ""),
        url=url_of(doc.get("path_string", "")),
        title=doc.get("Title") or "",
        portal_type=doc.get("portal_type") or "",
        production_kind=doc.get("production_kind"),
        authors=_list(doc.get("authors")),
        year=doc.get("year"),
        document_type=document_type,
        document_type_title=titles("document_type", document_type) if document_type else None,
        support=doc.get("support"),
        availability=_list(doc.get("availability")),
        relay_sites=_list(doc.get("relay_sites")),
        snippet=doc.get("snippet") or "",
        urls=_list(doc.get("urls")),
        description=doc.get("Description") or "",
        review_state=doc.get("review_state"),
    )


def suggest(core_url, prefix, roles, limit=8):
    data = solr_get(core_url, "/suggest", solr_params.suggest_params(prefix, roles, limit),
                    timeout=2.0)
    return solr_response.suggest_terms(data, limit)
