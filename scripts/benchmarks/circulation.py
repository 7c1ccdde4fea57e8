"""Benchmark of the circulation desk: real ZEO, two real Zopes (runwsgi), REST.

- in a site holding a demo fund of 6,200 records (the centre's size), lend and
  return latency (median, p95) at 1 desk, then at 10 concurrent desks,
  each desk doing 1,000 operations (``--quick``: 100) on copies of its own, the
  desks spread over the two Zope processes sharing the ZEO server; each copy is
  the only one of its record (as for most of the fund), so every loan and every
  return changes the record's availability in the catalog; each desk keeps its
  HTTP connection open between operations, as a browser does;
- then the 10 desks all lend the same 20 copies at once: exactly 20 loans;
- zero double loans and zero lost operations, checked in the store afterwards
  (every answered loan is in the history, every answered return closed it);
- the figures page (@@chiffres-circulation) over 100,000 loans and their returns
  spread over ten years, counters as the desk's events keep them.
"""

import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from . import Figure
from .machine import reference_ms

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))
from live_servers import Zeo  # noqa: E402
from live_servers import free_port  # noqa: E402
from live_servers import listening  # noqa: E402
from live_servers import serve  # noqa: E402

DESKS = 10
COPIES_PER_DESK = 20
SHARED = 20
FUND = 6_200  # records in the catalog besides the desks' own
AUTH = "Basic " + __import__("base64").b64encode(b"admin:admin").decode()

SETUP = """
import http.client
import json
import transaction
from datetime import date
from AccessControl.SecurityManagement import newSecurityManager
from zope.component.hooks import setSite
from plone import api
from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.store import get_store
site = app["Plone"]
setSite(site)
site.portal_registry["collective.solr.active"] = False
newSecurityManager(None, app.acl_users.getUser("admin").__of__(app.acl_users))
for d in range(DESKS + 1):
    prefix = f"D{d:02d}C" if d < DESKS else "SH"
    for n in range(COUNT):  # one copy per record, as most of the fund: each loan
        # and each return changes the record's availability (a reindex)
        api.content.create(
            container=site["fonds"], type="Notice", id=f"bench-{d}-{n}",
            title=f"Bench {d} {n}", themes=["sante"],
            items=[{"barcode": f"{prefix}{n:03d}", "call_number": "374"}],
        )
store = get_store(site, create=True)
cards = [borrowers.add_borrower(store, name=f"Desk {d}", category="relais",
                                expires=date(2099, 1, 1)).id for d in range(DESKS)]
transaction.commit()
print("RESULT" + json.dumps(cards))
"""

STATE = """
import http.client
import json
from zope.component.hooks import setSite
from rt.infodoc.circulation.store import get_store
site = app["Plone"]
setSite(site)
store = get_store(site)
history = list(store.history.values())
print("RESULT" + json.dumps({
    "current": {b: l.borrower_id for b, l in store.loans.items()},
    "lent": len(history),
    "returned": sum(1 for l in history if l.returned is not None),
}))
"""

FIGURES = """
import datetime, json, time
import transaction
from zope.component.hooks import setSite
from rt.infodoc.circulation.figures import store
from rt.infodoc.circulation.figures.counters import Activity, tally
site = app["Plone"]
setSite(site)
sites = ("toulouse", "foix", "rodez", "auch", "albi", "tarbes", "cahors", "montauban")
themes = ("sante", "habitat", "jeunesse", "savoirs-de-base", "education")
records = []
for i in range(100_000):
    day = datetime.date(2016 + i % 10, 1 + i % 12, 1 + i % 28)
    args = (sites[i % 8], (themes[i % 5],), ("ouvrage", "rapport", "mallette")[i % 3],
            ("usager", "adherent", "stagiaire", "relais")[i % 4])
    records += [Activity("pret", day, *args), Activity("retour", day, *args)]
store.replace(site, tally(records))
transaction.commit()
print("RESULT" + json.dumps(len(records)))
"""


def _post(base, path, body):
    request = urllib.request.Request(
        f"{base}/{path}",
        data=json.dumps(body).encode(),
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": AUTH,
        },
        method="POST",
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            status = answer.status
            answer.read()
    except urllib.error.HTTPError as error:
        status = error.code
        error.read()
    return status, (time.perf_counter() - started) * 1000


class _Desk:
    """One desk's HTTP connection, kept open between operations as a browser keeps
    it (the first bench opened one per request, which the Zopes paid for)."""

    def __init__(self, base):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port, self.path = parts.hostname, parts.port, parts.path
        self.connection = None

    def post(self, path, body):
        data = json.dumps(body).encode()
        headers = {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Authorization": AUTH,
        }
        started = time.perf_counter()
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        # never sent twice: a loan or a return is not repeated behind the bench's back
        self.connection.request("POST", f"{self.path}/{path}", data, headers)
        answer = self.connection.getresponse()
        answer.read()
        return answer.status, (time.perf_counter() - started) * 1000

    def close(self):
        if self.connection is not None:
            self.connection.close()


def _desk(base, card, barcodes, operations, results):
    """Lend then return the desk's copies in turn: ``operations`` requests."""
    times = {"lend": [], "return": []}
    statuses = {"lend": {}, "return": {}}
    desk = _Desk(base)
    try:
        for n in range(operations):
            barcode = barcodes[(n // 2) % len(barcodes)]
            kind = "lend" if n % 2 == 0 else "return"
            path, body = (
                ("@pret", {"barcode": barcode, "card": card})
                if kind == "lend"
                else ("@retour", {"barcode": barcode})
            )
            status, ms = desk.post(path, body)
            times[kind].append(ms)
            statuses[kind][status] = statuses[kind].get(status, 0) + 1
    finally:
        desk.close()
    results.append((times, statuses))


def _p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _round(bases, cards, desks, operations):
    results = []
    threads = [
        threading.Thread(
            target=_desk,
            args=(
                bases[d % len(bases)],
                cards[d],
                [f"D{d:02d}C{n:03d}" for n in range(COPIES_PER_DESK)],
                operations,
                results,
            ),
        )
        for d in range(desks)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    lends = [ms for times, _s in results for ms in times["lend"]]
    returns = [ms for times, _s in results for ms in times["return"]]
    ok = sum(s["lend"].get(200, 0) + s["return"].get(200, 0) for _t, s in results)
    lent = sum(s["lend"].get(200, 0) for _t, s in results)
    returned = sum(s["return"].get(200, 0) for _t, s in results)
    others = {}
    for _t, s in results:
        for kind in ("lend", "return"):
            for status, count in s[kind].items():
                if status != 200:
                    others[f"{kind} {status}"] = others.get(f"{kind} {status}", 0) + count
    return lends, returns, ok, lent, returned, elapsed, others


def _contention(bases, cards):
    """Every desk lends the 20 shared copies at the same moment."""
    wins = []
    barrier = threading.Barrier(DESKS)

    def desk(d):
        barrier.wait()
        for n in range(SHARED):
            status, _ms = _post(
                bases[d % len(bases)], "@pret", {"barcode": f"SH{n:03d}", "card": cards[d]}
            )
            if status == 200:
                wins.append(n)

    threads = [threading.Thread(target=desk, args=(d,)) for d in range(DESKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return wins


def _cpu_seconds(pid):
    """User and system processor time of process `pid` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _zeo_pid(zeo):
    found = subprocess.run(
        ["pgrep", "-f", f"runzeo.*{zeo.var}"], capture_output=True, text=True
    ).stdout.split()
    return int(found[0]) if found else None


def _page_time(base, repeat=5):
    request = urllib.request.Request(
        f"{base}/@@chiffres-circulation", headers={"Authorization": AUTH}
    )
    times = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=120) as answer:
            answer.read()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[1:])


def _fund(zeo, workdir, count):
    """A demo fund of `count` records in the catalog, as the centre's (6,200):
    the availability index's sets then have the size they have in production."""
    fund = Path(workdir) / "circulation-fund.mrc"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make-demo-fund"), "--count", str(count), fund],
        check=True,
        capture_output=True,
    )
    result = zeo.run(str(REPO / "scripts" / "import-marc"), str(fund), check=False)
    if result.returncode not in (0, 1):
        raise RuntimeError(result.stderr[-2000:])


def run(workdir, quick):
    operations = 100 if quick else 1000
    var = Path(workdir) / "circulation-var"
    var.mkdir(parents=True, exist_ok=True)
    zeo = Zeo(var, free_port())
    zeo.render_instance()
    zeo.start()
    processes = []
    figures = []
    try:
        zeo.create_site("--no-demo")
        cards = zeo.zconsole(
            SETUP.replace("DESKS", str(DESKS)).replace("COUNT", str(COPIES_PER_DESK))
        )
        _fund(zeo, workdir, FUND)
        ports = [free_port(), free_port()]
        processes = [serve(zeo, port) for port in ports]
        for port, process in zip(ports, processes, strict=True):
            listening(port, process)
        bases = [f"http://127.0.0.1:{port}/Plone" for port in ports]
        lent_total = returned_total = 0
        for warm in (bases, bases[1:]):  # warm both processes
            _lends, _returns, _ok, lent, returned, _elapsed, _others = _round(warm, cards, 1, 20)
            lent_total += lent
            returned_total += returned
        servers = [process.pid for process in processes]
        zeo_pid = _zeo_pid(zeo)
        for desks in (1, DESKS):
            reference = reference_ms()
            before = [_cpu_seconds(pid) for pid in servers]
            zeo_before = _cpu_seconds(zeo_pid) if zeo_pid else 0
            lends, returns, ok, lent, returned, elapsed, others = _round(
                bases, cards, desks, operations
            )
            zopes_ms = sum(_cpu_seconds(pid) for pid in servers) - sum(before)
            zopes_ms *= 1000 / (desks * operations)
            zeo_ms = (_cpu_seconds(zeo_pid) - zeo_before if zeo_pid else 0) * 1000
            zeo_ms /= desks * operations
            lent_total += lent
            returned_total += returned
            label = f"{desks} desk{'s' if desks > 1 else ''} x {operations} ops"
            target = "p95 <= 100 ms" if desks == DESKS else ""
            for kind, values in (("lend", lends), ("return", returns)):
                p95 = _p95(values)
                figures.append(Figure(f"{kind} median, {label}", statistics.median(values), "ms"))
                figures.append(
                    Figure(
                        f"{kind} p95, {label}",
                        p95,
                        "ms",
                        target,
                        (p95 <= 100) if target else None,
                    )
                )
            figures.append(
                Figure(
                    f"operations answered 200, {label}",
                    ok,
                    "ops",
                    f"= {desks * operations}",
                    ok == desks * operations,
                    note=", ".join(f"{n} × {k}" for k, n in sorted(others.items())),
                )
            )
            figures.append(Figure(f"throughput, {label}", desks * operations / elapsed, "ops/s"))
            figures.append(
                Figure(
                    f"processor time per operation, {label}",
                    zopes_ms + zeo_ms,
                    "ms",
                    note=f"Zope {zopes_ms:.1f} ms, ZEO {zeo_ms:.1f} ms",
                )
            )
            figures.append(
                Figure(
                    f"reference workload before and after, {label}",
                    (reference + reference_ms()) / 2,
                    "ms",
                    note="the machine's speed at that moment: scripts/benchmarks/machine.py",
                )
            )
        wins = _contention(bases, cards)
        state = zeo.zconsole(STATE)
        double = len(wins) - len(set(wins))
        figures.append(
            Figure(
                "double loans (10 desks, the same 20 copies at once)",
                double,
                "loans",
                "= 0",
                double == 0 and len(set(wins)) == SHARED,
                note=f"{len(wins)} loans answered for {SHARED} copies",
            )
        )
        # every loan answered 200 is in the history, every return answered 200
        # closed one, and nothing else was written: a request that did not get
        # its 200 (a refusal, a 503) wrote nothing. (Counting the closed loans
        # against the loans answered 200 took a return refused with nothing
        # written, its loan still current, for a lost operation.)
        lost = abs((lent_total + len(wins)) - state["lent"]) + abs(
            returned_total - state["returned"]
        )
        figures.append(
            Figure(
                "lost operations (answered but not in the store)",
                lost,
                "ops",
                "= 0",
                lost == 0 and len(state["current"]) == SHARED + lent_total - returned_total,
                note=f"{state['lent']} loans stored, {state['returned']} returned",
            )
        )
        zeo.zconsole(FIGURES)
        page = _page_time(bases[0])
        figures.append(
            Figure(
                "figures page over 100,000 loans and returns (median of 5)",
                page,
                "ms",
                "< 1000 ms",
                page < 1000,
            )
        )
    finally:
        for process in processes:
            os.killpg(process.pid, 15)
            process.wait(timeout=60)
        zeo.stop()
    return figures


if __name__ == "__main__":  # a quick look without scripts/bench
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for figure in run(tmp, "--quick" in sys.argv):
            print(figure)
