"""Upgrade 20261206001 -> 20261206002: the import's Solr backlog records its writer."""

import os
import socket

from plone import api

from rt.infodoc.importer.backlog import ImportSolrBacklog
from rt.infodoc.importer.backlog import entry
from rt.infodoc.importer.backlog import solr_pending
from rt.infodoc.importer.state import get_state

PROFILE = "rt.infodoc:default"


def test_old_entries_get_no_writer_and_are_replayed_at_once(portal, setup_tool):
    tree = solr_pending(get_state(portal), create=True)
    tree["uid-old"] = "/plone/fonds/old"  # as an import before this version left it
    tree["uid-live"] = entry("/plone/fonds/live")  # a batch of this very process
    setup_tool.setLastVersionForProfile(PROFILE, "20261206001")
    steps = setup_tool.listUpgrades(PROFILE)
    assert steps[0]["title"] == "File d'attente Solr de l'import : auteur de chaque lot"

    setup_tool.upgradeProfile(PROFILE, dest="20261206002")

    assert setup_tool.getLastVersionForProfile(PROFILE) == ("20261206002",)
    assert tree["uid-old"] == ("/plone/fonds/old", 0.0, "")
    path, _written, writer = tree["uid-live"]
    assert (path, writer) == ("/plone/fonds/live", f"{socket.gethostname()}:{os.getpid()}")
    # the guard replays what has no running writer, and leaves a running import's batch
    assert ImportSolrBacklog().abandoned(api.portal.get()) == [("uid-old", "/plone/fonds/old")]


def test_a_dead_writers_batch_is_abandoned_at_once(portal):
    tree = solr_pending(get_state(portal), create=True)
    dead = f"{socket.gethostname()}:{2**22 + 12345}"  # above any pid in use here
    tree["uid-dead"] = ("/plone/fonds/dead", 4e9, dead)  # written "now", process gone
    tree["uid-other-host"] = ("/plone/fonds/far", 4e9, "elsewhere:1")
    backlog = ImportSolrBacklog()
    assert backlog.abandoned(portal) == [("uid-dead", "/plone/fonds/dead")]
    backlog.forget(portal, ["uid-dead"])
    assert list(tree) == ["uid-other-host"]
