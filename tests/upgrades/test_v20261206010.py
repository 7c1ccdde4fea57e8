"""Upgrade 20261206003 -> 20261206010: one declared import state; the Solr backlog
moves to the search package."""

from BTrees.OOBTree import OOBTree

from rt.infodoc.importer.state import CONTAINERS
from rt.infodoc.importer.state import get_state
from rt.infodoc.search.bulk.backlog import BulkSolrBacklog
from rt.infodoc.search.bulk.backlog import solr_pending

PROFILE = "rt.infodoc:default"
TITLE = "Import : état déclaré en un seul endroit"


def test_an_older_state_gets_every_container_and_search_its_backlog(portal, setup_tool):
    state = get_state(portal)
    for name in ("jobs", "reports", "held"):  # as a state made before these existed
        delattr(state, name)
    state.journal["lot"] = {"created": []}
    state.solr_pending = OOBTree()  # where an older import kept its Solr backlog
    state.solr_pending["uid-old"] = ("/plone/fonds/old", 0.0, "")
    assert sorted(state.missing_containers()) == ["held", "jobs", "reports"]
    setup_tool.setLastVersionForProfile(PROFILE, "20261206003")
    assert TITLE in [step["title"] for step in setup_tool.listUpgrades(PROFILE)]

    setup_tool.upgradeProfile(PROFILE, dest="20261206010")

    assert setup_tool.getLastVersionForProfile(PROFILE) == ("20261206010",)
    for name in CONTAINERS:
        assert isinstance(getattr(state, name), OOBTree), name
    assert list(state.journal) == ["lot"]  # what the import did is kept
    assert "solr_pending" not in state.__dict__
    assert dict(solr_pending(portal)) == {"uid-old": ("/plone/fonds/old", 0.0, "")}
    # the search guard replays it
    assert BulkSolrBacklog().abandoned(portal) == [("uid-old", "/plone/fonds/old")]


def test_a_new_state_has_every_container(portal):
    state = get_state(portal)
    assert state.missing_containers() == []
