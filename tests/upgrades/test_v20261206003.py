"""Upgrade 20261206002 -> 20261206003: repaired records held apart, shortcut rebuilt."""

from BTrees.OOBTree import OOBTree

from rt.infodoc.importer.state import get_state

PROFILE = "rt.infodoc:default"


def test_the_state_gets_its_held_records_and_loses_its_shortcuts(portal, setup_tool):
    state = get_state(portal)
    del state.held  # as a state made before this version (the class default is None)
    state.by_raw["0" * 40] = "fonds/n1"  # perhaps the bytes of a repaired record
    state.journal["lot"] = {"created": []}
    setup_tool.setLastVersionForProfile(PROFILE, "20261206002")
    steps = setup_tool.listUpgrades(PROFILE)
    assert steps[0]["title"] == "Import : notices abîmées mises à l'écart"

    setup_tool.upgradeProfile(PROFILE, dest="20261206003")

    assert setup_tool.getLastVersionForProfile(PROFILE) == ("20261206003",)
    assert isinstance(state.held, OOBTree) and len(state.held) == 0
    assert len(state.by_raw) == 0
    assert list(state.journal) == ["lot"]  # what an import did can still be undone
