"""Make collective.solr step aside while Solr cannot be trusted.

collective.solr patches `portal_catalog.searchResults` and sends every full-text query
to Solr (REST ``@search``, Plone's ``@@search``, listings); when Solr does not answer
it returns an empty result, silently. This adapter (registered for the CatalogTool
class, so it wins over collective.solr's one for ICatalogTool) asks the search guard
first (Solr answering and every change replayed) and answers from the catalog
otherwise. A query Solr refuses (HTTP 400: this request's input) is answered by the
catalog for that request only; a failure to reach Solr switches every reader to the
catalog for a few seconds.
"""

import logging

from collective.solr.dispatcher import SearchDispatcher
from collective.solr.exceptions import SolrConnectionException
from collective.solr.interfaces import ISearch
from zope.component import queryUtility

from rt.infodoc.search import config
from rt.infodoc.search.guard import portal_of
from rt.infodoc.search.guard import solr_ready
from rt.infodoc.search.health import HEALTH
from rt.infodoc.search.solr_backend import REJECTED_STATUS

logger = logging.getLogger("rt.infodoc.search")


def refused_by_solr(error):
    """Solr answered, and refused this query (not an outage)."""
    if not isinstance(error, SolrConnectionException):
        return False
    try:
        return int(error.httpcode) in REJECTED_STATUS
    except (TypeError, ValueError):
        return False


class GuardedSearchDispatcher(SearchDispatcher):
    def catalog_results(self, request, **keywords):
        return self.context._cs_old_searchResults(request, **keywords)

    def __call__(self, request, **keywords):
        portal = portal_of(self.context)
        if portal is None or not solr_ready(portal):
            return self.catalog_results(request, **keywords)
        search = queryUtility(ISearch)
        try:
            if search is not None and search.getManager().getSchema() is None:
                raise OSError("no schema from Solr")
            return super().__call__(request, **keywords)
        except Exception as error:  # noqa: B902 - any Solr failure means "use the catalog"
            if error.__class__.__name__ in ("ConflictError", "ReadConflictError"):
                raise
            if refused_by_solr(error):
                logger.info(
                    "Solr refused a catalog query (HTTP %s); the catalog answers", error.httpcode
                )
            else:
                logger.warning("Solr query failed (%s); answering from the catalog", error)
                HEALTH.mark_down(config.core_url())
            return self.catalog_results(request, **keywords)
