"""Rebuild Solr from the ZODB (the source of truth), or send only what it missed."""

import logging
import time

import requests
from collective.solr.indexer import SolrIndexProcessor
from collective.solr.interfaces import ISolrConnectionManager
from zope.component import queryUtility

from rt.infodoc.search import config
from rt.infodoc.search.catchup import catch_up
from rt.infodoc.search.catchup import pending

logger = logging.getLogger("rt.infodoc.search")


class SolrUnavailable(Exception):
    """Solr does not answer: nothing can be sent."""


def _processor():
    manager = queryUtility(ISolrConnectionManager)
    if manager is None:
        raise SolrUnavailable("collective.solr n'est pas installé sur ce site.")
    manager.closeConnection(clearSchema=True)
    processor = SolrIndexProcessor(manager)
    connection = processor.getConnection()
    if connection is None:
        raise SolrUnavailable("collective.solr est désactivé (registre collective.solr.active).")
    if manager.getSchema() is None:
        raise SolrUnavailable(f"Solr ne répond pas sur {config.core_url()}.")
    return manager, processor, connection


def solr_uids(core_url):
    """Every UID in the Solr core (cursor paging)."""
    uids, cursor = set(), "*"
    while True:
        response = requests.get(
            f"{core_url}/select",
            timeout=60,
            params={
                "q": "*:*",
                "fl": "UID",
                "rows": "5000",
                "sort": "UID asc",
                "cursorMark": cursor,
                "wt": "json",
            },
        )
        response.raise_for_status()
        data = response.json()
        uids.update(doc["UID"] for doc in data["response"]["docs"])
        if data["nextCursorMark"] == cursor:
            return uids
        cursor = data["nextCursorMark"]


def rebuild(site, batch_size=250, report=print):
    """Index every catalogued object into Solr and delete the documents Solr has
    that the site no longer has. Returns {"indexed", "deleted", "seconds"}."""
    started = time.monotonic()
    manager, processor, connection = _processor()
    catalog = site.portal_catalog
    brains = catalog.unrestrictedSearchResults(path="/".join(site.getPhysicalPath()))
    total = len(brains)
    seen = set()
    for position, brain in enumerate(brains, 1):
        try:
            obj = brain._unrestrictedGetObject()
        except (AttributeError, KeyError):
            continue
        processor.index(obj)
        seen.add(brain.UID)
        if position % batch_size == 0:
            connection.flush()
            site._p_jar.cacheGC()
            report(f"{position}/{total} objets envoyés à Solr")
    connection.flush()
    stale = solr_uids(config.core_url()) - seen
    for uid in stale:
        connection.delete(id=uid)
    processor.commit(wait=True)
    tree = pending(site)
    if tree:
        tree.clear()
    return {
        "indexed": len(seen),
        "deleted": len(stale),
        "seconds": round(time.monotonic() - started, 2),
    }


def send_missed(site):
    """Only the changes made while Solr was down. Returns {"indexed", "deleted"}."""
    _processor()
    indexed, deleted = catch_up(site)
    return {"indexed": indexed, "deleted": deleted}
