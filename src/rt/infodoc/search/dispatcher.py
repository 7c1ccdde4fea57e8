"""Make collective.solr step aside while Solr is down.

collective.solr patches `portal_catalog.searchResults` and sends every full-text query
to Solr; when Solr does not answer it returns an empty result, silently. This adapter
(registered for the CatalogTool class, so it wins over collective.solr's one for
ICatalogTool) asks the circuit breaker first and answers from the catalog itself
while Solr is down, or when a Solr query fails.
"""

import logging

from collective.solr.dispatcher import SearchDispatcher
from collective.solr.interfaces import ISearch
from zope.component import queryUtility

from rt.infodoc.search import config
from rt.infodoc.search.health import HEALTH

logger = logging.getLogger("rt.infodoc.search")


def solr_usable():
    """collective.solr is on and Solr answers (cached for a few seconds)."""
    return config.solr_active() and HEALTH.is_up(config.core_url())


class GuardedSearchDispatcher(SearchDispatcher):
    def catalog_results(self, request, **keywords):
        return self.context._cs_old_searchResults(request, **keywords)

    def __call__(self, request, **keywords):
        if not config.solr_active():
            return self.catalog_results(request, **keywords)
        url = config.core_url()
        if not HEALTH.is_up(url):
            return self.catalog_results(request, **keywords)
        search = queryUtility(ISearch)
        try:
            if search is not None and search.getManager().getSchema() is None:
                raise OSError("no schema from Solr")
            return super().__call__(request, **keywords)
        except Exception as error:  # noqa: B902 - any Solr failure means "use the catalog"
            if error.__class__.__name__ in ("ConflictError", "ReadConflictError"):
                raise
            logger.warning("Solr query failed (%s); answering from the catalog", error)
            HEALTH.mark_down(url)
            return self.catalog_results(request, **keywords)
