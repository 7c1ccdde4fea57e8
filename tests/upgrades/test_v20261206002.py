"""Upgrade 20261206001 -> 20261206002: the import's Solr backlog records its writer."""

import os
import socket

from BTrees.OOBTree import OOBTree

from rt.infodoc.importer.state import get_state
from rt.infodoc.search.bulk.backlog import entry
from rt.infodoc.search.bulk.backlog import is_abandoned

PROFILE = "rt.infodoc:default"


def test_old_entries_get_no_writer_and_are_replayed_at_once(portal, setup_tool):
    # the backlog was then the import state's (moved to search by 20261206010)
    tree = get_state(portal).solr_pending = OOBTree()
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
    assert [uid for uid, value in tree.items() if is_abandoned(value)] == ["uid-old"]
