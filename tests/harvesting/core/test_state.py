"""The incremental harvest state file."""

import json

import pytest

from rt.infodoc.harvesting.core.state import HarvestState


def test_round_trip(tmp_path):
    path = tmp_path / "sub" / "state.json"
    state = HarvestState(path)
    assert state.get("cosoter") is None
    state.update("cosoter", last_datestamp="2024-03-01T08:04:09Z", identifiers=["oai:a"])
    again = HarvestState(path)
    assert again.get("cosoter")["last_datestamp"] == "2024-03-01T08:04:09Z"
    assert json.loads(path.read_text("utf-8"))["cosoter"]["identifiers"] == ["oai:a"]
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]  # no temp file left


def test_unreadable_state_is_a_clear_error(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{pas du json", "utf-8")
    with pytest.raises(ValueError, match="illisible"):
        HarvestState(path)
    path.write_text("[1, 2]", "utf-8")
    with pytest.raises(ValueError, match="invalide"):
        HarvestState(path)
