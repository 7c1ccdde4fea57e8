"""Which match keys an update keeps (pure Python)."""

from rt.infodoc.importer.keys import KEPT
from rt.infodoc.importer.keys import REMOVED
from rt.infodoc.importer.keys import change_text
from rt.infodoc.importer.keys import merge_keys

NOTICE = {"cosoter_id": "1002", "isbn": ["978-2-85008-310-5"], "issn": "0335-5322"}


def test_a_sound_record_removes_what_upstream_dropped_but_never_the_001():
    merged, changes = merge_keys(NOTICE, {"title": "T"}, damaged=False)
    assert merged["cosoter_id"] == "1002" and "isbn" not in merged and "issn" not in merged
    assert [(c["field"], c["change"]) for c in changes] == [
        ("cosoter_id", KEPT),
        ("isbn", REMOVED),
        ("issn", REMOVED),
    ]
    assert change_text(changes[1]) == (
        "ISBN 978-2-85008-310-5 supprimé : la notice importée (saine) ne le porte plus"
    )


def test_a_repaired_record_keeps_every_key():
    record = {"cosoter_id": "", "isbn": ["2-07-074244-X"], "issn": "1234-5679"}
    merged, changes = merge_keys(NOTICE, record, damaged=True)
    assert merged["cosoter_id"] == "1002"
    assert merged["isbn"] == ["2-07-074244-X", "978-2-85008-310-5"]
    assert merged["issn"] == "0335-5322"
    assert all(c["change"] == KEPT for c in changes)
    assert "porte 1234-5679" in change_text(changes[-1])
    assert record["isbn"] == ["2-07-074244-X"]  # the record's own dict is left alone


def test_the_same_keys_written_otherwise_are_no_change():
    record = {"cosoter_id": "1002", "isbn": ["9782850083105"], "issn": "03355322"}
    assert merge_keys(NOTICE, record, damaged=False) == (record, [])
