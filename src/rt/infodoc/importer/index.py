"""Snapshot of the site's Notices for matching, read from the catalog (Zope)."""

from Products.CMFCore.utils import getToolByName

from .plan import MatchIndex


def build_index(site) -> MatchIndex:
    """Every Notice of the site by key (path relative to the site), 001, ISBN/ISSN, title."""
    catalog = getToolByName(site, "portal_catalog")
    prefix = "/".join(site.getPhysicalPath()) + "/"
    isbn_index = catalog._catalog.indexes.get("isbn_norm")
    unindex = getattr(isbn_index, "_unindex", {})
    index = MatchIndex()
    for brain in catalog.unrestrictedSearchResults(portal_type="Notice"):
        path = brain.getPath()
        key = path[len(prefix) :] if path.startswith(prefix) else path
        isbns = unindex.get(brain.getRID()) or ()
        if isinstance(isbns, str):
            isbns = (isbns,)
        index.add(key, brain.cosoter_id or None, isbns, brain.Title)
    return index
