"""The one search entry point of every channel: Solr, else the catalog.

    results = search(context, query)      # as the current user
    titles = suggest(context, "illet")    # title completion

Both filter on the current user's allowedRolesAndUsers and on effectiveRange as the
catalog does; the catalog answers (with a French notice) while Solr is down.
"""

import functools
import logging
from urllib.parse import quote

from plone.registry.interfaces import IRegistry
from Products.CMFCore.utils import _getAuthenticatedUser
from Products.CMFCore.utils import getToolByName
from zope.component import queryUtility

from rt.infodoc.indexers.values import PRODUCTION_KINDS
from rt.infodoc.search import catalog_backend
from rt.infodoc.search import config
from rt.infodoc.search import solr_backend
from rt.infodoc.search.catalog_text import text_query
from rt.infodoc.search.guard import portal_of
from rt.infodoc.search.guard import solr_ready
from rt.infodoc.search.health import HEALTH
from rt.infodoc.search.query import SearchQuery
from rt.infodoc.search.results import DEGRADED_NOTICE
from rt.infodoc.search.results import REJECTED_NOTICE
from rt.infodoc.search.results import SearchResults
from rt.infodoc.search.titles import Titles

logger = logging.getLogger("rt.infodoc.search")


@functools.lru_cache(maxsize=4096)
def _quote(segment):
    """A path segment quoted as Zope does in URLs (+ and @ left intact)."""
    return quote(segment, "/+@")


def _url_maker(portal):
    """path_string -> URL: the portal's URL plus the quoted ids below it.

    The same URL as `request.physicalPathToURL` when the virtual root is the portal or
    above it, without its per-call work; other paths go through the request.
    """
    request = getattr(portal, "REQUEST", None)
    base = portal.absolute_url()
    physical = portal.getPhysicalPath()
    portal_path = "/".join(physical)
    prefix = portal_path + "/"
    root = ("",)
    if request is not None and hasattr(request, "other"):
        root = tuple(request.other.get("VirtualRootPhysicalPath", ("",)))
    fast = tuple(physical[: len(root)]) == root

    def url_of(path):
        if not path or path == portal_path:
            return base
        if fast and path.startswith(prefix):
            return base + "/" + "/".join(map(_quote, path[len(prefix) :].split("/")))
        if request is not None and hasattr(request, "physicalPathToURL"):
            try:
                return request.physicalPathToURL(path)
            except Exception:
                pass
        if path.startswith(portal_path):
            path = path[len(portal_path) :]
        return base + path

    return url_of


def searchable_types(portal):
    """Portal types the documentary search returns: the fund and the productions.

    Plain pages and the section folders are left to Plone's own search; every
    type here has a production kind, so the "Nature" facet adds up to the total.
    """
    portal_types = getToolByName(portal, "portal_types")
    registry = queryUtility(IRegistry)
    hidden = set(registry.get("plone.types_not_searched", ()) or ()) if registry else set()
    return sorted(
        t for t in PRODUCTION_KINDS if t not in hidden and portal_types.getTypeInfo(t) is not None
    )


def user_filter(catalog):
    """(allowedRolesAndUsers of the current user, may see inactive content)."""
    user = _getAuthenticatedUser(catalog)
    return catalog._listAllowedRolesAndUsers(user), bool(catalog.allow_inactive({}))


def search(context, query=None):
    """SearchResults of `query` (a SearchQuery) for the current user."""
    if query is None:
        query = SearchQuery()
    portal = portal_of(context)
    catalog = getToolByName(portal, "portal_catalog")
    roles, show_inactive = user_filter(catalog)
    titles = Titles(portal, getattr(portal, "REQUEST", None))
    url_of = _url_maker(portal)
    types = searchable_types(portal)
    if solr_ready(portal):
        url = config.core_url()
        try:
            return solr_backend.run(url, query, roles, show_inactive, url_of, titles, types)
        except solr_backend.SolrRejected as error:
            # this request's own input: its error, not an outage for every reader
            logger.info("Solr refused a search (%s)", error)
            return SearchResults(backend="solr", query=query, error_notice=REJECTED_NOTICE)
        except solr_backend.ERRORS as error:
            logger.warning("Solr search failed (%s); answering from the catalog", error)
            HEALTH.mark_down(url)
    results = catalog_backend.run(catalog, query, url_of, titles, types)
    if config.solr_active():
        results.degraded_notice = DEGRADED_NOTICE
    return results


def suggest(context, prefix, limit=8):
    """Titles completing `prefix` that the current user may see."""
    prefix = (prefix or "").strip()
    if len(prefix) < 2:
        return []
    portal = portal_of(context)
    catalog = getToolByName(portal, "portal_catalog")
    roles, _show_inactive = user_filter(catalog)
    if solr_ready(portal):
        try:
            return solr_backend.suggest(config.core_url(), prefix, roles, limit)
        except solr_backend.SolrRejected as error:
            logger.info("Solr refused a suggestion (%s)", error)
            return []
        except (*solr_backend.ERRORS, KeyError) as error:
            logger.warning("Solr suggest failed (%s)", error)
            HEALTH.mark_down(config.core_url())
    title = text_query(prefix)
    if not title:
        return []
    method = getattr(catalog, "_cs_old_searchResults", None) or catalog.searchResults
    brains = method(
        {"Title": title, "sort_on": "sortable_title", "portal_type": searchable_types(portal)}
    )
    titles = []
    for brain in brains[: limit * 3]:
        if brain.Title and brain.Title not in titles:
            titles.append(brain.Title)
        if len(titles) >= limit:
            break
    return titles
