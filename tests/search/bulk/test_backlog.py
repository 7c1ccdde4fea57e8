"""Bulk indexing's Solr backlog as the search guard sees it (``ISolrBacklog``)."""

import os
import socket

from zope.component import getUtility

from rt.infodoc.search.bulk.backlog import BulkSolrBacklog
from rt.infodoc.search.bulk.backlog import entry
from rt.infodoc.search.bulk.backlog import solr_pending
from rt.infodoc.search.interfaces import ISolrBacklog


def test_a_dead_writers_batch_is_abandoned_at_once(portal):
    tree = solr_pending(portal, create=True)
    dead = f"{socket.gethostname()}:{2**22 + 12345}"  # above any pid in use here
    tree["uid-dead"] = ("/plone/fonds/dead", 4e9, dead)  # written "now", process gone
    tree["uid-other-host"] = ("/plone/fonds/far", 4e9, "elsewhere:1")
    backlog = BulkSolrBacklog()
    assert backlog.abandoned(portal) == [("uid-dead", "/plone/fonds/dead")]
    backlog.forget(portal, ["uid-dead"])
    assert list(tree) == ["uid-other-host"]


def test_a_live_writers_batch_is_left_to_it_and_the_guard_finds_the_backlog(portal):
    tree = solr_pending(portal, create=True)
    tree["uid-live"] = entry("/plone/fonds/live")
    assert tree["uid-live"][2] == f"{socket.gethostname()}:{os.getpid()}"
    backlog = getUtility(ISolrBacklog, name="rt.infodoc.search.bulk")
    assert backlog.abandoned(portal) == []
