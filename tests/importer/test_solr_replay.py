"""An import killed between a batch's commit and its Solr post: the next Zope process
to start brings Solr level with the catalog, with no new import and no request.

Real parts: a ZEO server, a Solr, scripts/import-marc killed by its failpoint
(``os._exit`` right after the commit of its third batch), a Zope server started
with runwsgi.
"""

import os
import subprocess
import sys

import pytest
import requests
from live_servers import REPO
from live_servers import Zeo
from live_servers import free_port as _free_port
from live_servers import listening as _listening
from live_servers import serve as _serve

from rt.infodoc.testing import SolrProcess

from .test_script import SCRIPT

SOLR_ON = """
import json, sys
import transaction
site = app["Plone"]
site.portal_registry["collective.solr.active"] = True
site.portal_registry["collective.solr.host"] = "127.0.0.1"
site.portal_registry["collective.solr.port"] = int(sys.argv[-1])
transaction.commit()
print("RESULT" + json.dumps({}))
"""

CATALOG_UIDS = """
import json
site = app["Plone"]
uids = [b.UID for b in site.portal_catalog.unrestrictedSearchResults(portal_type="Notice")]
print("RESULT" + json.dumps(uids))
"""


def solr_uids(solr):
    response = requests.get(
        f"{solr.url}/select",
        timeout=30,
        params={"q": "portal_type:Notice", "fl": "UID", "rows": 10000, "wt": "json"},
    )
    response.raise_for_status()
    return {doc["UID"] for doc in response.json()["response"]["docs"]}


@pytest.fixture(scope="module")
def solr():
    process = SolrProcess()
    process.start()
    yield process
    process.stop()
    process.remove()


@pytest.fixture(scope="module")
def zeo(tmp_path_factory, solr):
    var = tmp_path_factory.mktemp("var")
    server = Zeo(var, _free_port())
    server.env.update(SOLR_HOST="127.0.0.1", SOLR_PORT=str(solr.port), SOLR_BASE="/solr/plone")
    server.render_instance()
    server.start()
    try:
        server.create_site("--no-demo")
        server.zconsole(SOLR_ON, str(solr.port))
        yield server
    finally:
        server.stop()


def test_killed_import_is_replayed_by_the_next_zope_to_start(zeo, solr, tmp_path):
    from rt.infodoc.demo.fund import write_fund

    fund = tmp_path / "fund.mrc"
    write_fund(str(fund), count=200)
    killed = subprocess.run(
        [sys.executable, str(SCRIPT), str(fund), "--batch-size", "40"],
        env=dict(zeo.env, RT_INFODOC_FAILPOINT="after-batch-commit:3"),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert killed.returncode != 0, killed.stdout[-2000:]
    # what Solr holds once everything it received is committed
    requests.post(
        f"{solr.url}/update", params={"commit": "true"}, json={}, timeout=60
    ).raise_for_status()
    before = solr_uids(solr)

    port = _free_port()
    zope = _serve(zeo, port)
    try:
        _listening(port, zope)
        after = solr_uids(solr)  # no request was made to Zope, no import ran
    finally:
        os.killpg(zope.pid, 15)
        zope.wait(timeout=60)

    catalog = set(zeo.zconsole(CATALOG_UIDS))
    assert len(catalog) == 120  # three batches of 40 committed before the crash
    assert before < catalog, "Solr should have missed the last committed batch"
    assert after == catalog
