"""A real Solr for the tests of the configset: started once per session.

`scripts/solr start` runs on a free port with its own SOLR_VAR (home copy, data,
logs, pid) in a temporary directory, so a Solr already running for the
development site (port 8983, var/solr) is never touched. Stopped at the end.
"""

import json
import os
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from .corpus import DOCS

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "solr"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SolrServer:
    """Just enough HTTP to talk to the core `plone` of the test Solr."""

    def __init__(self, port, var):
        self.port = port
        self.var = Path(var)
        self.url = f"http://127.0.0.1:{port}/solr/plone"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SOLR_")},
            "SOLR_PORT": str(port),
            "SOLR_VAR": str(var),
        }

    def script(self, command, env=None, timeout=300):
        """Run `scripts/solr COMMAND` against this server."""
        return subprocess.run(
            [str(SCRIPT), command],
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def get(self, path, params=()):
        query = urllib.parse.urlencode([*params, ("wt", "json")], doseq=True)
        with urllib.request.urlopen(f"{self.url}{path}?{query}", timeout=30) as response:
            return json.load(response)

    def post(self, path, payload):
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=json.dumps(payload).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    def add(self, docs):
        self.post("/update?commit=true&wt=json", docs)

    def clear(self):
        self.post("/update?commit=true&wt=json", {"delete": {"query": "*:*"}})

    def select(self, q, handler="/select", **params):
        """Search like collective.solr does (standard parser, AND, df=text_fr)."""
        defaults = {
            "q.op": "AND",
            "sow": "true",
            "rows": "100",
            "fq": "allowedRolesAndUsers:Anonymous",
        }
        merged = {**defaults, **params, "q": q}
        return self.get(handler, [(k, v) for k, v in merged.items() if v is not None])

    def uids(self, q, **params):
        return {doc["UID"] for doc in self.select(q, fl="UID", **params)["response"]["docs"]}

    def analyze(self, fieldtype, value, query=False):
        """Final tokens of `value` through the index (or query) analyzer of a type."""
        response = self.get(
            "/analysis/field",
            [
                ("analysis.fieldtype", fieldtype),
                ("analysis.fieldvalue", value),
                ("analysis.query", value),
            ],
        )
        stages = response["analysis"]["field_types"][fieldtype]["query" if query else "index"]
        return [token["text"] for token in stages[-1]] if stages else []


@pytest.fixture(scope="session")
def solr(tmp_path_factory):
    server = SolrServer(free_port(), tmp_path_factory.mktemp("solr-var"))
    started = time.monotonic()
    result = server.script("start", timeout=900)
    if result.returncode != 0:
        pytest.fail(f"scripts/solr start failed:\n{result.stdout}\n{result.stderr}")
    print(f"\nSolr started on port {server.port} in {time.monotonic() - started:.1f} s")
    yield server
    server.script("stop", timeout=60)


@pytest.fixture(scope="module")
def corpus(solr):
    """The test notices, freshly indexed for each module that asks for them."""
    solr.clear()
    solr.add(DOCS)
    return {doc["UID"]: doc for doc in DOCS}
