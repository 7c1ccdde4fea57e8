"""The `scripts/solr` command line against the running test Solr."""

import socket
import time
import xml.etree.ElementTree as ET

import pytest

from .conftest import REPO
from .conftest import SolrServer
from .conftest import free_port

pytestmark = pytest.mark.solr


def pinned_version():
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    pom = ET.parse(REPO / "instance" / "solr" / "pom.xml")
    return pom.find("m:properties/m:solr.version", ns).text


def test_status_reports_version_and_documents(solr):
    solr.clear()
    solr.add([{"UID": "a", "Title": "Un"}, {"UID": "b", "Title": "Deux"}])
    result = solr.script("status")
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert lines["solr"] == "up"
    assert lines["version"] == pinned_version()
    assert lines["docs"] == "2"
    assert lines["url"] == solr.url


def test_clear_deletes_every_document(solr):
    solr.add([{"UID": "c", "Title": "Trois"}])
    result = solr.script("clear")
    assert result.returncode == 0, result.stderr
    assert solr.get("/select", [("q", "*:*")])["response"]["numFound"] == 0


def test_status_when_nothing_listens(tmp_path):
    other = SolrServer(free_port(), tmp_path)
    result = other.script("status")
    assert result.returncode == 3
    assert "solr: down" in result.stdout


def test_start_again_is_a_no_op(solr):
    result = solr.script("start")
    assert result.returncode == 0, result.stderr
    assert "déjà" in result.stdout


def test_start_refuses_a_busy_port(solr, tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        other = SolrServer(busy.getsockname()[1], tmp_path)
        result = other.script("start", timeout=60)
    assert result.returncode == 1
    assert "port" in result.stderr and str(other.port) in result.stderr
    assert not (tmp_path / "solr.pid").exists()


def test_wait_returns_at_once_when_up(solr):
    started = time.monotonic()
    result = solr.script("wait")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 5


def test_install_is_fast_when_done(solr):
    started = time.monotonic()
    result = solr.script("install")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 5


def test_nothing_is_written_under_instance(solr):
    instance = REPO / "instance" / "solr"
    written = [
        p
        for p in instance.rglob("*")
        if p.name in ("data", "index", "tlog", "userfiles", "logs", "solr.pid")
    ]
    assert written == []
    assert (solr.var / "home" / "plone" / "conf" / "schema.xml").exists()
    assert (solr.var / "data" / "plone" / "index").is_dir()
