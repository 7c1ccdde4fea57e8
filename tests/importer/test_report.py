"""Report, batches, checkpoint and progress bar (pure Python)."""

import io
import json

from rt.infodoc.importer.batches import Checkpoint
from rt.infodoc.importer.batches import batch_id
from rt.infodoc.importer.batches import batched
from rt.infodoc.importer.batches import file_sha1
from rt.infodoc.importer.progress import Progress
from rt.infodoc.importer.report import ImportReport


def _report():
    report = ImportReport(source="fonds.mrc")
    for action in ("created", "created", "updated", "unchanged"):
        report.count(action)
    report.records = 5
    report.reject(5, 4242, "n42", "notice sans aucun champ")
    report.finish("2026-01-01T00:00:00+00:00", 2.0)
    return report


def test_counts_exit_status_and_json_round_trip():
    report = _report()
    assert report.counts() == {
        "created": 2,
        "updated": 1,
        "unchanged": 1,
        "withdrawn": 0,
        "rejected": 1,
    }
    assert report.status == "rejected" and report.exit_status() == 1
    data = json.loads(report.to_json())
    assert data["rejections"] == [
        {"position": 5, "offset": 4242, "identifier": "n42", "reason": "notice sans aucun champ"}
    ]
    assert data["rate"] == 2.5
    assert ImportReport.from_dict(data).to_dict() == report.to_dict()
    clean = ImportReport(source="x")
    clean.finish("t", 1.0)
    assert clean.exit_status() == 0


def test_french_summary_names_counts_and_rejections():
    text = _report().summary_fr()
    assert "créées : 2" in text and "mises à jour : 1" in text and "inchangées : 1" in text
    assert "rejetées : 1" in text
    assert "n° 5 (octet 4242, n42) : notice sans aucun champ" in text


def test_batches_and_ids(tmp_path):
    assert [len(b) for b in batched(range(1201), 500)] == [500, 500, 201]
    assert batch_id("20260101T000000-abcdef12", 3) == "20260101T000000-abcdef12-0003"
    path = tmp_path / "f.mrc"
    path.write_bytes(b"abc")
    assert file_sha1(path) == "a9993e364706816aba3e25717850c26c9cd0d89d"
    point = Checkpoint("a9993e", "run", position=500, batches=1)
    assert Checkpoint.from_dict(point.to_dict()) == point
    assert point.resumable() and not Checkpoint("a", "r").resumable()


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_progress_redraws_at_most_every_half_second():
    clock, out = _Clock(), io.StringIO()
    bar = Progress(total=100, stream=out, tty=True, clock=clock)
    for done in range(1, 51):
        clock.now = done * 0.02  # 50 updates in one second
        bar.update(done)
    assert bar.draws == 2
    clock.now = 2.0
    bar.update(100)
    bar.finish()
    last = out.getvalue().split("\r")[-1]
    assert last.startswith("[" + "#" * 30 + "] 100/100 notices") and "50/s" in last


def test_progress_is_quiet_without_terminal_except_the_final_line():
    clock, out = _Clock(), io.StringIO()
    bar = Progress(total=10, stream=out, tty=False, clock=clock)
    for done in range(1, 11):
        clock.now = done
        bar.update(done)
    assert out.getvalue() == ""
    bar.finish()
    assert out.getvalue().count("\n") == 1 and "10/10" in out.getvalue()
