"""scripts/import-marc for real: a ZEO server started here, a site, subprocesses.

The crash test kills the import with SIGKILL in the middle, starts it again and
compares with an uninterrupted run of the same file on the same fresh site.
"""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from live_servers import REPO
from live_servers import Zeo
from live_servers import free_port as _free_port

from .conftest import DATA

SCRIPT = REPO / "scripts" / "import-marc"

LIST_NOTICES = """
import json, sys
site = app["Plone"]
from zope.component.hooks import setSite
setSite(site)
rows = []
for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="Notice"):
    obj = brain._unrestrictedGetObject()
    rows.append([brain.getPath(), obj.cosoter_id, obj.UID(), brain.review_state, obj.title])
in_folder = [k for k in site["fonds"].objectIds()]
print("RESULT" + json.dumps({"catalog": rows, "folder": in_folder}))
"""


SOLR_OFF = """
import json
import transaction
site = app["Plone"]
# collective.solr would index into whatever Solr listens on 127.0.0.1:8983 (a
# developer's): this site searches with the catalog only
site.portal_registry["collective.solr.active"] = False
transaction.commit()
print("RESULT" + json.dumps({}))
"""


@pytest.fixture(scope="module")
def zeo(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    port = _free_port()
    server = Zeo(var, port)
    server.render_instance()
    server.start()
    try:
        server.create_site("--no-demo")
        server.zconsole(SOLR_OFF)
        server.stop()
        server.save("fresh.fs")
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def fund(tmp_path_factory):
    from rt.infodoc.demo.fund import write_fund

    path = tmp_path_factory.mktemp("fund") / "fund.mrc"
    write_fund(str(path), count=400)
    return path


def test_cannot_start_missing_file(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "absent.mrc")], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "Import impossible : fichier introuvable" in done.stderr


def test_cannot_start_zeo_down(tmp_path):
    var = tmp_path / "var"
    subprocess.run(
        [
            str(REPO / "scripts" / "instance"),
            "--var",
            str(var),
            "--zeo",
            f"127.0.0.1:{_free_port()}",
        ],
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(DATA / "marcjs_bib.mrc")],
        env=dict(os.environ, RT_INFODOC_VAR=str(var)),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "le serveur ZEO ne répond pas" in done.stderr


def test_exit_status_report_and_no_site(zeo, tmp_path):
    zeo.restore("fresh.fs")
    report_path = tmp_path / "rapport.json"
    done = zeo.import_marc(str(DATA / "pymarc_bad_records.mrc"), "--report", str(report_path))
    assert done.returncode == 1, done.stderr[-2000:]
    assert "rejetées : 1" in done.stdout and "n° 7 (octet 764" in done.stdout
    report = json.loads(report_path.read_text())
    assert report["rejections"][0]["offset"] == 764 and report["status"] == "rejected"
    # not a terminal: only the final progress line
    assert done.stderr.count("notices") >= 1 and "\r" not in done.stderr
    clean = zeo.import_marc(str(DATA / "marcjs_bib.mrc"))
    assert clean.returncode == 0, clean.stderr[-2000:]
    assert "créées : 6" in clean.stdout
    default_reports = list((zeo.var / "reports").glob("import-*.json"))
    assert default_reports
    nosite = zeo.import_marc(str(DATA / "marcjs_bib.mrc"), "--site", "Absent")
    assert nosite.returncode == 2 and "site Plone introuvable" in nosite.stderr


def _result(zeo):
    data = zeo.zconsole(LIST_NOTICES)
    return {
        "paths": sorted(row[0] for row in data["catalog"]),
        "cosoter_ids": sorted(row[1] for row in data["catalog"]),
        "uids": len({row[2] for row in data["catalog"]}),
        "states": sorted({row[3] for row in data["catalog"]}),
        "folder": sorted(data["folder"]),
        "titles": sorted(row[4] for row in data["catalog"]),
    }


def test_sigkill_in_the_middle_then_restart_equals_an_uninterrupted_run(zeo, fund):
    zeo.restore("fresh.fs")
    data_fs = zeo.var / "filestorage" / "Data.fs"
    start_size = data_fs.stat().st_size
    done = zeo.import_marc(str(fund), "--batch-size", "40")
    assert done.returncode == 0, done.stderr[-2000:]
    full_growth = data_fs.stat().st_size - start_size
    expected = _result(zeo)
    assert len(expected["cosoter_ids"]) == len(set(expected["cosoter_ids"])) > 300

    zeo.restore("fresh.fs")
    start_size = data_fs.stat().st_size
    log = open(zeo.var / "killed-run.log", "w")
    process = subprocess.Popen(
        [sys.executable, str(SCRIPT), str(fund), "--batch-size", "40"],
        env=zeo.env,
        cwd=REPO,
        start_new_session=True,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 300
    while data_fs.stat().st_size - start_size < full_growth * 0.4:
        assert process.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    log.close()
    halfway = _result(zeo)
    assert 0 < len(halfway["paths"]) < len(expected["paths"])
    resumed = zeo.import_marc(str(fund), "--batch-size", "40")
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "reprise après la notice" in resumed.stdout
    got = _result(zeo)
    assert got["cosoter_ids"] == expected["cosoter_ids"]
    assert got["paths"] == expected["paths"]
    assert got["folder"] == expected["folder"]
    assert got["uids"] == expected["uids"] == len(expected["paths"])
    assert got["titles"] == expected["titles"]
    assert got["states"] == ["published"]
    again = zeo.import_marc(str(fund))
    assert again.returncode == 0 and "créées : 0" in again.stdout
    assert "inchangées : 400" in again.stdout
