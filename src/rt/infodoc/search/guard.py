"""The one gate between a reader and Solr.

Every channel that reads Solr (the search page, REST ``@recherche`` and
``@search``, suggestions and autocompletion, feeds, Plone's ``@@search``; the
dossier blocks and DSI digests to come must too) asks ``solr_ready(portal)`` first. It answers yes only when
collective.solr is on, Solr answers its ping, and Solr has every change the
catalog has: the changes remembered while Solr was down (``catchup``) and the
batches an import committed but could not post (``ISolrBacklog``) are replayed
first, in this request. If that replay fails, the answer is no and the reader is
served by the catalog, which always agrees with the content: a retracted or
deleted item is never shown from a stale Solr.
"""

import logging

from plone.protect.interfaces import IDisableCSRFProtection
from Products.CMFCore.utils import getToolByName
from zope.component import getUtilitiesFor
from zope.component.hooks import getSite
from zope.interface import alsoProvides

from rt.infodoc.search import config
from rt.infodoc.search.catchup import INDEX
from rt.infodoc.search.catchup import catch_up
from rt.infodoc.search.catchup import pending
from rt.infodoc.search.catchup import remember_path
from rt.infodoc.search.health import HEALTH
from rt.infodoc.search.interfaces import ISolrBacklog

logger = logging.getLogger("rt.infodoc.search")


def portal_of(context):
    """The Plone site `context` belongs to."""
    portal_url = getToolByName(context, "portal_url", None)
    if portal_url is not None:
        return portal_url.getPortalObject()
    return getSite()


def solr_ready(portal):
    """collective.solr on, Solr answering, and nothing left to replay."""
    if not config.solr_active():
        return False
    if not HEALTH.is_up(config.core_url()):
        return False
    return replayed(portal)


def adopt_abandoned(portal):
    """Move what dead writers left for Solr into the catch-up list; how many."""
    adopted = 0
    for _name, backlog in getUtilitiesFor(ISolrBacklog):
        entries = list(backlog.abandoned(portal))
        if not entries:
            continue
        for uid, path in entries:
            remember_path(portal, uid, path, INDEX)
        backlog.forget(portal, [uid for uid, _path in entries])
        adopted += len(entries)
    if adopted:
        _allow_writes(portal)
        logger.info("Solr: %d changes of an interrupted import taken over", adopted)
    return adopted


def replayed(portal):
    """True when Solr has every change; replays what it missed (Solr must be up)."""
    try:
        adopt_abandoned(portal)
        if pending(portal):
            catch_up(portal)
    except Exception:  # noqa: B902 - any failure: the catalog answers this reader
        logger.exception("Solr catch-up failed; answering from the catalog")
        return False
    return not pending(portal)


def _allow_writes(portal):
    """The take-over may happen in a reader's GET request: its writes are ours,
    not a forged request's, so plone.protect must let the request commit them."""
    request = getattr(portal, "REQUEST", None)
    if request is not None and hasattr(request, "environ"):
        alsoProvides(request, IDisableCSRFProtection)
