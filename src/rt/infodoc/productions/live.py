"""The newest references and productions on some themes, for the dossiers' live block.

It goes through the search engine of the portal (search/engine.py): Solr, or the
catalog while Solr is down, as the current user (restricted records stay hidden).
"""

import logging

from rt.infodoc.search.engine import search
from rt.infodoc.search.query import SearchQuery

logger = logging.getLogger("rt.infodoc.productions")
SIZE = 8


def newest_on_themes(context, themes, size=SIZE):
    """[{title, url, kind, year}] newest first; [] without themes or on any failure."""
    if not themes:
        return []
    query = SearchQuery(filters={"themes": list(themes)}, sort="date", page_size=size)
    try:
        results = search(context, query)
    except Exception:  # a side block never breaks the dossier's page
        logger.exception("live block of %s", "/".join(context.getPhysicalPath()))
        return []
    own = context.UID()
    return [
        {
            "title": item.title,
            "url": item.url,
            "kind": item.production_kind,
            "year": item.year,
        }
        for item in results.items
        if item.uid != own
    ][:size]
