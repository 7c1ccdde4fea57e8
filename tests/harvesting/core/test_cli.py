"""The harvest command-line helpers, against the PMB stand-in: also run as its
own process, the way a documentalist would start it by hand."""

import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pymarc
import requests

from rt.infodoc.harvesting.core import cli

from .conftest import make_record

STANDIN = Path(__file__).parents[2] / "standins" / "pmb_oai.py"


def test_main_summary_report_and_state(standin, tmp_path):
    out = io.StringIO()
    rejected_ids = {"oai:cosoter:1003", "oai:cosoter:1004"}
    status = cli.main(
        [
            standin.url,
            "--state",
            str(tmp_path / "state.json"),
            "--report",
            str(tmp_path / "report.json"),
        ],
        consumer=lambda r: r.identifier not in rejected_ids,
        out=out,
    )
    assert status == cli.EXIT_REJECTED
    text = out.getvalue()
    assert "notices reçues : 250 (dont 0 supprimées), pages : 3" in text
    assert "notices rejetées par l'import : 2" in text
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert report["records"] == 250 and report["rejected"] == 2
    out = io.StringIO()
    assert cli.main([standin.url, "--state", str(tmp_path / "state.json")], out=out) == 0
    assert "aucune notice nouvelle" in out.getvalue()


def test_main_cannot_start(tmp_path):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    out = io.StringIO()
    status = cli.main([f"http://127.0.0.1:{port}/oai", "--retries", "0"], out=out)
    assert status == cli.EXIT_NOT_STARTED and "ERREUR" in out.getvalue()
    (tmp_path / "state.json").write_text("???", "utf-8")
    status = cli.main(
        [f"http://127.0.0.1:{port}/oai", "--state", str(tmp_path / "state.json")], out=out
    )
    assert status == cli.EXIT_NOT_STARTED and "illisible" in out.getvalue()


def test_standin_runs_as_a_program_on_an_iso2709_file(tmp_path):
    path = tmp_path / "notices.mrc"
    with path.open("wb") as handle:
        for i in range(1, 121):
            handle.write(make_record(i).as_marc())
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    proc = subprocess.Popen(
        [
            sys.executable,
            str(STANDIN),
            "--port",
            str(port),
            "--records",
            str(path),
            "--source-id",
            "7",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/ws/connector_out.php?source_id=7"
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(url, params={"verb": "Identify"}, timeout=2)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(
                        proc.stderr.read() if proc.poll() is not None else "stand-in did not start"
                    ) from None
                time.sleep(0.1)
        out = io.StringIO()
        titles = []
        status = cli.main(
            [url],
            consumer=lambda r: titles.append(
                r.metadata_element.find(
                    "{http://www.pmbservices.fr}f[@c='200']/{http://www.pmbservices.fr}s[@c='a']"
                ).text
            ),
            out=out,
        )
        assert status == 0, out.getvalue()
        assert len(titles) == 120
        assert titles[0] == "Éducation populaire : héritages et défis (1)"  # UTF-8 kept
    finally:
        proc.terminate()
        proc.wait(10)
    reader = pymarc.MARCReader(path.read_bytes(), force_utf8=True)
    assert sum(1 for _ in reader) == 120
