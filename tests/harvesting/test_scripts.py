"""scripts/harvest-oai and scripts/harvest-scheduled for real: a ZEO server and a site
created here, the PMB stand-in and an SMTP server in this process, the scripts in
subprocesses (zconsole, as in production)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from standins.pmb_oai import PMBStandIn

from .conftest import expected_title
from .conftest import make_record
from .smtp_server import SMTPServer
from .smtp_server import free_port

REPO = Path(__file__).resolve().parents[2]
HARVEST = REPO / "scripts" / "harvest-oai"
SCHEDULED = REPO / "scripts" / "harvest-scheduled"
ZCONSOLE = REPO / ".venv" / "bin" / "zconsole"

LIST_NOTICES = """
import json
from zope.component.hooks import setSite
site = app["Plone"]
setSite(site)
rows = {}
for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="Notice"):
    rows[brain.cosoter_id] = [brain.Title, brain.review_state]
print("RESULT" + json.dumps(rows))
"""

CONFIGURE = """
import json, sys
import transaction
from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from plone import api
app = makerequest(app)
site = app["Plone"]
setSite(site)
newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))
config = json.loads(sys.argv[-1])
registry = site.portal_registry
registry["rt.infodoc.harvest.sources"] = config["sources"]
registry["plone.email_from_address"] = "documentation@ressources-territoires.com"
registry["plone.email_from_name"] = "Ressources & Territoires"
# Plone's mail settings (Configuration du site > Courriel), read by its MailHost
registry["plone.smtp_host"] = "127.0.0.1"
registry["plone.smtp_port"] = config["smtp_port"]
for name, email in config["users"]:
    api.user.create(username=name, email=email, password="secret-123456")
    api.group.add_user(groupname="documentalistes", username=name)
api.user.create(username="sansadresse", email="x@example.org", password="secret-123456")
api.user.get("sansadresse").setMemberProperties({"email": ""})
api.group.add_user(groupname="documentalistes", username="sansadresse")
transaction.commit()
print("RESULT" + json.dumps("ok"))
"""


SOLR_OFF = """
import json
import transaction
site = app["Plone"]
# collective.solr would index into whatever Solr listens on 127.0.0.1:8983 (a
# developer's): this site searches with the catalog only
site.portal_registry["collective.solr.active"] = False
transaction.commit()
print("RESULT" + json.dumps("ok"))
"""


class Zeo:
    def __init__(self, var, port):
        self.var, self.port = var, port
        self.env = dict(os.environ, RT_INFODOC_VAR=str(var), RT_INFODOC_ZEO=f"127.0.0.1:{port}")
        self.conf = var / "instance" / "etc" / "zope-zeo.conf"

    def run(self, *args, check=True):
        return subprocess.run(
            args, env=self.env, check=check, capture_output=True, text=True, cwd=REPO
        )

    def script_conf(self):
        text = self.conf.read_text()
        if "%import ZEO" not in text:
            text = "%import ZEO\n" + text
        path = self.var / "zope-zeo-test.conf"
        path.write_text(re.sub(r"(?m)^\s*wait\s+on\s*\n", "", text))
        return path

    def zconsole(self, script_text, *args):
        script = self.var / "query.py"
        script.write_text(script_text)
        out = self.run(str(ZCONSOLE), "run", str(self.script_conf()), str(script), *args).stdout
        return json.loads(out.split("RESULT", 1)[1])

    def script(self, path, *args):
        return subprocess.run(
            [sys.executable, str(path), *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
        )


@pytest.fixture(scope="module")
def zeo(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    server = Zeo(var, free_port())
    server.run(
        str(REPO / "scripts" / "instance"), "--var", str(var), "--zeo", f"127.0.0.1:{server.port}"
    )
    server.run(str(REPO / "scripts" / "zeo"), "start")
    try:
        server.run(
            str(ZCONSOLE),
            "run",
            str(server.script_conf()),
            str(REPO / "scripts" / "zope" / "create_site.py"),
            "--no-demo",
        )
        server.zconsole(SOLR_OFF)
        yield server
    finally:
        server.run(str(REPO / "scripts" / "zeo"), "stop", check=False)


@pytest.fixture(scope="module")
def pmb():
    with PMBStandIn(
        [make_record(i) for i in range(1, 251)], source_id=3, deleted_record="persistent"
    ) as server:
        yield server


def test_cannot_start_without_url_or_zeo(tmp_path):
    done = subprocess.run([sys.executable, str(HARVEST)], capture_output=True, text=True)
    assert done.returncode == 2 and "indiquez l'URL" in done.stderr
    var = tmp_path / "var"
    subprocess.run(
        [
            str(REPO / "scripts" / "instance"),
            "--var",
            str(var),
            "--zeo",
            f"127.0.0.1:{free_port()}",
        ],
        check=True,
        capture_output=True,
    )
    env = dict(os.environ, RT_INFODOC_VAR=str(var))
    for script, args in ((HARVEST, ["http://127.0.0.1:9/oai"]), (SCHEDULED, [])):
        done = subprocess.run(
            [sys.executable, str(script), *args],
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 2, done.stderr
        assert "Moissonnage impossible : le serveur ZEO ne répond pas" in done.stderr


def test_harvest_oai_exit_codes_and_report(zeo, pmb, tmp_path):
    # 2: the source does not answer
    dead = f"http://127.0.0.1:{free_port()}/ws/connector_out.php?source_id=3"
    done = zeo.script(HARVEST, dead, "--retries", "0", "--report", str(tmp_path / "dead.json"))
    assert done.returncode == 2, done.stderr[-2000:]
    assert "Moissonnage impossible : Le fournisseur OAI-PMH" in done.stderr
    assert json.loads((tmp_path / "dead.json").read_text())["harvest"]["status"] == "failed"
    # 2: no such site
    done = zeo.script(HARVEST, pmb.url, "--site", "Absent")
    assert done.returncode == 2 and "site Plone introuvable" in done.stderr

    # 0: the 250 notices, French summary, JSON report with both parts
    report_path = tmp_path / "rapport.json"
    done = zeo.script(HARVEST, pmb.url, "--report", str(report_path))
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Moissonnage de la source « cosoter »" in done.stdout
    assert "notices reçues : 250" in done.stdout and "créées : 250" in done.stdout
    report = json.loads(report_path.read_text())
    assert report["exit_status"] == 0 and report["harvest"]["prefix"] == "pmb_xml_unimarc"
    assert report["harvest"]["records"] == 250 and report["import"]["counts"]["created"] == 250
    rows = zeo.zconsole(LIST_NOTICES)
    assert len(rows) == 250
    assert rows["5001"] == ["Éducation populaire : héritages et défis (1)", "published"]

    # 1: a record without title is rejected and reported; the others go in
    bad = make_record(400)
    bad.remove_fields("200")
    pmb.add(bad)
    pmb.add(make_record(401))
    done = zeo.script(HARVEST, pmb.url, "--report", str(report_path))
    assert done.returncode == 1, done.stderr[-3000:]
    assert "rejetée : n° 1 (5400) : notice sans titre" in done.stdout
    report = json.loads(report_path.read_text())
    assert report["harvest"]["from"] == "2024-03-01T08:04:09Z"  # incremental
    assert report["import"]["counts"] == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "withdrawn": 0,
        "rejected": 1,
    }
    assert len(zeo.zconsole(LIST_NOTICES)) == 251


def test_harvest_scheduled_mails_the_documentalistes(zeo, pmb, tmp_path):
    with SMTPServer() as smtp:
        zeo.zconsole(
            CONFIGURE,
            json.dumps(
                {
                    "sources": [f"cosoter | {pmb.url} | |", "Mauvaise ligne"],
                    "smtp_port": smtp.port,
                    "users": [["doc1", "doc1@example.org"], ["doc2", "doc2@example.org"]],
                }
            ),
        )
        pmb.delete("5020", pmb._next_date)
        pmb.add(make_record(402))
        done = zeo.script(SCHEDULED, "--report", str(tmp_path / "planifie.json"))
        assert done.returncode == 1, done.stderr[-3000:]  # the bad registry line
        assert "Source ignorée : ligne de source incomplète" in done.stderr
        assert "Rapport envoyé à : doc1@example.org, doc2@example.org" in done.stdout
        assert len(smtp.messages) == 1
        sent = smtp.messages[0]
        assert sorted(sent["to"]) == ["doc1@example.org", "doc2@example.org"]
        assert sent["from"] == "documentation@ressources-territoires.com"
        message = sent["message"]
        assert message["Subject"].startswith("Moissonnage OAI du ")
        report = json.loads((tmp_path / "planifie.json").read_text())
        counts = report["sources"][0]["import"]["counts"]
        assert counts["created"] >= 1 and counts["withdrawn"] == 1 and counts["rejected"] == 0
        assert report["configuration_errors"] and report["exit_status"] == 1
        assert f"{counts['created']} notice(s) créée(s)" in message["Subject"]
        assert "1 problème(s) à vérifier" in message["Subject"]
        body = message.get_content()
        assert "Moissonnage de la source « cosoter »" in body
        assert f"créées : {counts['created']}" in body and "retirées : 1" in body
        assert f"retirée : 5020 {expected_title(20)} (supprimée dans la source)" in body
        assert "Sources mal déclarées" in body
    assert zeo.zconsole(LIST_NOTICES)["5020"][1] == "private"
