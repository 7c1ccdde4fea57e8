"""Benchmarks of a whole portal: real Solr, real ZEO, real Zope over HTTP.

One run builds a throw-away site in the bench's work directory (its own ports),
imports a demo fund with scripts/import-marc, then measures side by side:
- the import (new, then unchanged) until the last record is searchable in Solr;
- portal search latency through @recherche (1 and 8 clients, facets on) with
  Solr, then with Solr stopped (catalog fallback);
- a full OAI-PMH ListRecords harvest (oai_dc, unimarc) and GetRecord latency.
"""

import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from . import Figure

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts"
VENV_BIN = REPO / ".venv" / "bin"

QUERIES = [
    "illettrisme",
    "illettrés",
    "savoirs de base",
    "egalite femmes hommes",
    "l'école",
    "politique de la ville",
    "insertion professionnelle",
    "parentalité",
    "laïcité",
    "quartiers prioritaires",
    "santé",
    "décrochage scolaire",
    "apprentissage du français",
    "discriminations",
    "jeunesse",
    "",
    "rénovation urbaine",
    "formation des adultes",
]
FILTERS = [
    [],
    [("f.themes", "savoirs-de-base")],
    [("f.document_type", "rapport")],
    [("f.themes", "education"), ("f.support", "papier")],
    [("f.year", "2010-2019")],
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Portal:
    """Solr, ZEO and one Zope client, all on free ports under ``var``."""

    def __init__(self, workdir):
        self.var = Path(workdir) / "var"
        self.http_port, self.zeo_port, self.solr_port = _free_port(), _free_port(), _free_port()
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("SOLR_")}
        self.env.update(
            RT_INFODOC_VAR=str(self.var),
            RT_INFODOC_PORT=str(self.http_port),
            RT_INFODOC_ZEO=f"127.0.0.1:{self.zeo_port}",
            SOLR_PORT=str(self.solr_port),
            SOLR_VAR=str(self.var / "solr"),
        )
        self.conf = self.var / "instance" / "etc" / "zope-zeo.conf"
        self.site = f"http://127.0.0.1:{self.http_port}/Plone"
        self.solr = f"http://127.0.0.1:{self.solr_port}/solr/plone"
        self.zope = None

    def run(self, *command, check=True):
        return subprocess.run(
            [str(c) for c in command],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            check=check,
        )

    def start(self):
        self.run(
            SCRIPTS / "instance",
            "--var",
            self.var,
            "--port",
            self.http_port,
            "--zeo",
            f"127.0.0.1:{self.zeo_port}",
        )
        self.run(SCRIPTS / "solr", "start")
        self.run(SCRIPTS / "zeo", "start")
        self.run(
            VENV_BIN / "zconsole",
            "run",
            self.conf,
            SCRIPTS / "zope" / "create_site.py",
            "--no-demo",
        )

    def serve(self):
        log = open(self.var / "log" / "bench-zope.log", "w")
        self.zope = subprocess.Popen(
            [str(VENV_BIN / "runwsgi"), str(self.var / "instance" / "etc" / "zope-zeo.ini")],
            env=self.env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.site, timeout=5).read()
                return
            except OSError:
                time.sleep(1)
        raise RuntimeError("Zope did not answer")

    def stop(self):
        if self.zope is not None:
            self.zope.terminate()
            self.zope.wait(60)
        self.run(SCRIPTS / "zeo", "stop", check=False)
        self.run(SCRIPTS / "solr", "stop", check=False)

    def solr_count(self, query="*:*"):
        url = f"{self.solr}/select?" + urllib.parse.urlencode({"q": query, "rows": 0})
        with urllib.request.urlopen(url, timeout=30) as answer:
            return json.load(answer)["response"]["numFound"]


def _import(portal, fund, count):
    """Seconds from starting scripts/import-marc until Solr finds the last record."""
    last_id = _last_identifier(fund)
    start = time.perf_counter()
    result = portal.run(
        SCRIPTS / "import-marc", "--report", portal.var / "import.json", fund, check=False
    )
    if result.returncode not in (0, 1):
        raise RuntimeError(result.stderr[-2000:])
    deadline = time.monotonic() + 600
    while portal.solr_count(f'cosoter_id:"{last_id}"') == 0:
        if time.monotonic() > deadline:
            raise RuntimeError("the last record never reached Solr")
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    report = json.loads((portal.var / "import.json").read_text())
    return elapsed, report


def _last_identifier(fund):
    from rt.infodoc.marc.reader import read_records

    last = None
    for result in read_records(fund):
        last = result
    return last.identifier


def _latencies(portal, clients, seconds, html=False):
    """(client ms, server ms, queue ms, backend) of searches with facets.

    ``clients`` at once, on @recherche (JSON) or, with ``html``, on the reader's
    page /recherche. From the Server-Timing header both set: `server` is its `zope`
    duration (from the start of the Zope request to its end), `queue` the wait for
    a free waitress thread before it; `client` is the whole round trip seen by the
    bench's own threads. The page names no backend: its "mode simplifié" notice
    tells the catalog fallback.
    """
    from rt.infodoc.services.server_timing import parse

    samples, stop_at = [], time.monotonic() + seconds
    lock = threading.Lock()
    path, accept = ("recherche", "text/html") if html else ("@recherche", "application/json")

    def worker(seed):
        rng = random.Random(seed)
        while time.monotonic() < stop_at:
            params = [("q", rng.choice(QUERIES))] + rng.choice(FILTERS)
            url = f"{portal.site}/{path}?" + urllib.parse.urlencode(params)
            request = urllib.request.Request(url, headers={"Accept": accept})
            start = time.perf_counter()
            with urllib.request.urlopen(request, timeout=60) as answer:
                body = answer.read()
                timing = parse(answer.headers.get("Server-Timing"))
            took = (time.perf_counter() - start) * 1000
            if "zope" not in timing:
                raise RuntimeError(f"{path} sent no Server-Timing header")
            if html and not any(value for _name, value in params):
                backend = "home"  # the portal's home state: no search, no backend
            elif html:
                backend = "catalog" if "mode simplifié".encode() in body else "solr"
            else:
                backend = json.loads(body)["backend"]
            with lock:
                samples.append((took, timing["zope"], timing.get("queue", 0.0), backend))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _search_figures(portal, label, expected_backend, seconds):
    """Server side (the target: Solr, 8 clients, p95), with the queue, and client side.

    A few seconds of searches first, not counted: a server that just started is
    still loading code, the ZODB cache and (Solr) compiling its hot paths.
    """
    _latencies(portal, 2, 5)
    figures = []
    for clients in (1, 8):
        samples = _latencies(portal, clients, seconds)
        backends = {sample[-1] for sample in samples}
        if backends != {expected_backend}:
            raise RuntimeError(f"expected {expected_backend}, got {backends}")
        client = [sample[0] for sample in samples]
        server = [sample[1] for sample in samples]
        queued = [sample[1] + sample[2] for sample in samples]
        p95 = _percentile(server, 0.95)
        target = "<= 50 ms" if expected_backend == "solr" and clients == 8 else ""
        name = f"search {label}, {clients} client(s)"
        figures += [
            Figure(
                f"{name}, server side: median",
                statistics.median(server),
                "ms",
                note=f"{len(samples)} requests, Server-Timing from the start of the Zope request",
            ),
            Figure(f"{name}, server side: p95", p95, "ms", target, (p95 <= 50) if target else None),
            Figure(
                f"{name}, server side with the wait for a waitress thread: p95",
                _percentile(queued, 0.95),
                "ms",
            ),
            Figure(f"{name}, client side: median", statistics.median(client), "ms"),
            Figure(f"{name}, client side: p95", _percentile(client, 0.95), "ms"),
        ]
    return figures


HTML_TARGETS = {"solr": 150, "catalog": 500}  # ms, p95 client side with 8 readers


def _page_figures(portal, label, expected_backend, seconds):
    """/recherche as HTML, client side (load generator on the same machine), at 1, 8
    and 16 concurrent readers; the target is the p95 at 8."""
    _latencies(portal, 2, 5, html=True)
    figures = []
    for clients in (1, 8, 16):
        samples = _latencies(portal, clients, seconds, html=True)
        backends = {sample[-1] for sample in samples} - {"home"}
        if backends != {expected_backend}:
            raise RuntimeError(f"expected {expected_backend}, got {backends}")
        client = [sample[0] for sample in samples]
        p95 = _percentile(client, 0.95)
        limit = HTML_TARGETS[expected_backend] if clients == 8 else None
        name = f"search page (HTML) {label}, {clients} reader(s)"
        figures += [
            Figure(
                f"{name}, client side: median",
                statistics.median(client),
                "ms",
                note=f"{len(samples)} pages",
            ),
            Figure(
                f"{name}, client side: p95",
                p95,
                "ms",
                f"<= {limit} ms" if limit else "",
                (p95 <= limit) if limit else None,
            ),
        ]
    return figures


def _oai_figures(portal, count):
    from benchmarks.oai_harvest import getrecord_latency
    from benchmarks.oai_harvest import harvest

    base = f"{portal.site}/oai"
    figures = []
    identifiers = []
    for prefix in ("oai_dc", "unimarc"):
        first = harvest(base, prefix)  # the first harvest fills the metadata cache
        figures.append(
            Figure(
                f"OAI ListRecords {prefix}, first harvest of {first.records}",
                first.rate,
                "records/s",
                note="builds and stores every record's metadata",
            )
        )
        stats = harvest(base, prefix)
        figures.append(
            Figure(
                f"OAI ListRecords {prefix}, full harvest of {stats.records}",
                stats.rate,
                "records/s",
                ">= 3000 records/s",
                stats.rate >= 3000,
                note=f"{stats.pages} pages, metadata cached",
            )
        )
    identifiers = _identifiers(base, 200)
    latency = getrecord_latency(base, identifiers, "oai_dc")
    figures.append(Figure("OAI GetRecord oai_dc: median", latency["median_ms"], "ms"))
    figures.append(Figure("OAI GetRecord oai_dc: p95", latency["p95_ms"], "ms"))
    return figures


def _identifiers(base, limit):
    from lxml import etree

    url = f"{base}?verb=ListIdentifiers&metadataPrefix=oai_dc"
    with urllib.request.urlopen(url, timeout=60) as answer:
        tree = etree.parse(answer)
    ns = {"o": "http://www.openarchives.org/OAI/2.0/"}
    return tree.xpath("//o:header/o:identifier/text()", namespaces=ns)[:limit]


def run(workdir, quick):
    count = 3_000 if quick else 30_000
    seconds = 10 if quick else 30
    fund = Path(workdir) / "fund.mrc"
    subprocess.run(
        [sys.executable, str(SCRIPTS / "make-demo-fund"), "--count", str(count), str(fund)],
        check=True,
        capture_output=True,
    )
    portal = Portal(workdir)
    figures = []
    try:
        portal.start()
        elapsed, report = _import(portal, fund, count)
        rate = count / elapsed
        figures.append(
            Figure(
                f"import of {count} new records, until searchable in Solr",
                rate,
                "records/s",
                ">= 1000 records/s",
                rate >= 1000,
                note=f"{elapsed:.0f} s, Zope start included",
            )
        )
        figures.append(
            Figure(
                f"import of {count} new records, import loop",
                report["rate"],
                "records/s",
                note="as the import report measures it, Zope start excluded",
            )
        )
        elapsed, report = _import(portal, fund, count)
        rate = count / elapsed
        figures.append(
            Figure(
                f"re-import of the same {count} records (unchanged)",
                rate,
                "records/s",
                note=f"{elapsed:.1f} s, Zope start included",
            )
        )
        loop = report["rate"]
        figures.append(
            Figure(
                f"re-import of the same {count} records (unchanged), import loop",
                loop,
                "records/s",
                ">= 10000 records/s",
                loop >= 10000,
                note="as the import report measures it, Zope start excluded",
            )
        )
        portal.serve()
        figures += _search_figures(portal, f"with Solr ({count} records)", "solr", seconds)
        figures += _page_figures(portal, f"with Solr ({count} records)", "solr", seconds)
        figures += _oai_figures(portal, count)
        portal.run(SCRIPTS / "solr", "stop")
        time.sleep(12)  # the health check remembers "up" for 10 s
        figures += _search_figures(portal, "catalog fallback (Solr stopped)", "catalog", seconds)
        figures += _page_figures(portal, "catalog fallback (Solr stopped)", "catalog", seconds)
    finally:
        portal.stop()
    return figures
