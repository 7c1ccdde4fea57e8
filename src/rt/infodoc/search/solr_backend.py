"""The Solr path of the search: one HTTP request to /select, read back as results.

Each server thread keeps its own HTTP/1.1 connection to Solr open (keep-alive) and
writes each request (headers and form body) in one piece, so Solr is woken once; a
connection Solr closed meanwhile (restart, idle timeout) is replaced and the request
sent again, once. `ERRORS` are the exceptions meaning "Solr did not answer
properly", which the engine turns into the catalog fallback.
"""

import datetime
import functools
import http.client
import json
import math
import socket
import threading
import time
from urllib.parse import quote_plus
from urllib.parse import urlsplit

from rt.infodoc.search import solr_params
from rt.infodoc.search import solr_response
from rt.infodoc.search.facet_list import make_facets
from rt.infodoc.search.results import ResultItem
from rt.infodoc.search.results import SearchResults

SEARCH_TIMEOUT = 3.0  # with the 0.7 s ping: a hung Solr still leaves time for the catalog
FORM = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}


class SolrError(Exception):
    """Solr answered with an HTTP error."""


class SolrRejected(SolrError):
    """Solr refused this request (HTTP 4xx): its input, not an outage."""


# Solr's answers to a request it cannot use (bad syntax, start out of range, too
# large); a 404 (core not loaded) or a 5xx is an outage.
REJECTED_STATUS = frozenset({400, 413, 414})
ERRORS = (http.client.HTTPException, OSError, SolrError, ValueError)
# A kept-alive connection Solr closed meanwhile: ask again once on a new one.
_STALE = (
    http.client.RemoteDisconnected,
    http.client.CannotSendRequest,
    http.client.BadStatusLine,
    BrokenPipeError,
    ConnectionResetError,
)

_local = threading.local()


class OneWriteConnection(http.client.HTTPConnection):
    """http.client's connection, sending a whole request in one write (no Nagle)."""

    _pending = None

    def connect(self):
        super().connect()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def send(self, data):
        if self._pending is not None and isinstance(data, bytes):
            self._pending.append(data)
        else:
            super().send(data)

    def request_in_one_write(self, method, path, body, headers):
        self._pending = []
        try:
            self.request(method, path, body=body, headers=headers)
            data = b"".join(self._pending)
        finally:
            self._pending = None
        self.send(data)


def connection(host, port, timeout):
    """This thread's open connection to Solr at host:port."""
    connections = getattr(_local, "connections", None)
    if connections is None:
        connections = _local.connections = {}
    conn = connections.get((host, port))
    if conn is None:
        conn = connections[(host, port)] = OneWriteConnection(host, port, timeout=timeout)
    conn.timeout = timeout
    if conn.sock is not None:
        conn.sock.settimeout(timeout)
    return conn


def _drop(host, port):
    conn = getattr(_local, "connections", {}).pop((host, port), None)
    if conn is not None:
        conn.close()


def _post(host, port, path, body, timeout):
    conn = connection(host, port, timeout)
    reused = conn.sock is not None
    try:
        conn.request_in_one_write("POST", path, body, FORM)
        response = conn.getresponse()
        data = response.read()
    except _STALE:
        _drop(host, port)
        if not reused:
            raise
        return _post(host, port, path, body, timeout)
    except BaseException:
        _drop(host, port)
        raise
    if response.will_close:
        _drop(host, port)
    return response.status, data


@functools.lru_cache(maxsize=2048)
def _encoded(name, value):
    """One form field, URL-encoded: most fields of a search are the same every time."""
    return f"{quote_plus(name)}={quote_plus(value)}"


def form_body(params):
    """`urlencode(params)`, with each (name, value) encoded once per process."""
    return "&".join(_encoded(str(name), str(value)) for name, value in params)


def solr_get(core_url, handler, params, timeout=SEARCH_TIMEOUT):
    """POST the parameters (form encoded: long filter lists fit) and read the JSON."""
    parts = urlsplit(core_url)
    path = parts.path.rstrip("/") + handler
    status, data = _post(
        parts.hostname, parts.port or 80, path, form_body(params).encode("utf-8"), timeout
    )
    if status in REJECTED_STATUS:
        raise SolrRejected(f"Solr answered HTTP {status} on {handler}")
    if status != 200:
        raise SolrError(f"Solr answered HTTP {status} on {handler}")
    return json.loads(data)


def _list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def run(core_url, query, roles, show_inactive, url_of, titles, types=None):
    """SearchResults of `query` from Solr. Raises one of `ERRORS` when Solr fails."""
    params = solr_params.search_params(
        query, roles, show_inactive=show_inactive, current_year=datetime.date.today().year
    )
    if types:
        params.append(
            ("fq", "portal_type:(" + " OR ".join(solr_params.quote(t) for t in types) + ")")
        )
    started = time.perf_counter()
    data = solr_get(core_url, "/select", params)
    solr_ms = (time.perf_counter() - started) * 1000
    total, docs = solr_response.hits(data)
    items = [item_of(doc, url_of, titles) for doc in docs]
    counts = solr_response.facet_counts(data, query.filters)
    return SearchResults(
        total=total,
        items=items,
        facets=make_facets(counts, query.filters, titles),
        suggestion=solr_response.suggestion(data)
        if query.text and _worth_suggesting(total, query)
        else None,
        backend="solr",
        degraded_notice=None,
        query=query,
        pages=math.ceil(total / query.page_size) if total else 0,
        solr_ms=solr_ms,
    )


def _worth_suggesting(total, query):
    """'Did you mean' when the words found little."""
    return total < solr_params.SUGGEST_BELOW


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
        modified=doc.get("modified") or "",
    )


def suggest(core_url, prefix, roles, limit=8):
    data = solr_get(
        core_url, "/suggest", solr_params.suggest_params(prefix, roles, limit), timeout=2.0
    )
    return solr_response.suggest_terms(data, limit)
