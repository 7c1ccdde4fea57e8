"""A record of the catalog by its UID, read from the UID index itself.

The desk needs, for each loan and return, the lent record (to reindex its
availability) and its themes (for the figures). A catalog search for that
builds a query plan, sorts and wraps brains: an eighth of a loan's time. The
UID index maps the UID to the catalog's record id directly; the metadata and
the path are then one read each. A UID the index does not hold yet (a record
created in this transaction, waiting in the indexing queue) is looked up by a
search, which indexes what waits.
"""

from plone import api


def _catalog():
    return api.portal.get_tool("portal_catalog")


def rid_of(uid, catalog=None):
    """The catalog's record id of the UID (None when not catalogued)."""
    if not uid:
        return None
    catalog = catalog or _catalog()
    index = catalog.Indexes.get("UID")
    mapping = getattr(index, "_index", None)  # UUIDIndex: uid -> rid
    rid = mapping.get(uid) if mapping is not None else None
    if rid is None:
        brains = catalog.unrestrictedSearchResults(UID=uid)
        rid = brains[0].getRID() if brains else None
    return rid


def metadata_of(uid, name, default=None):
    """A metadata column of the record (``default`` when not catalogued)."""
    catalog = _catalog()
    rid = rid_of(uid, catalog)
    if rid is None:
        return default
    return catalog.getMetadataForRID(rid).get(name, default)


def object_of(uid):
    """The content object of the UID, without a security check (None if gone)."""
    catalog = _catalog()
    rid = rid_of(uid, catalog)
    if rid is None:
        return None
    path = catalog.getpath(rid)
    return api.portal.get().unrestrictedTraverse(path, None) if path else None
