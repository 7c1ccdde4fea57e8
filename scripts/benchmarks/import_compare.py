"""Import speed of two checkouts, measured alternately in one run (Zope, ZEO, Solr).

    .venv/bin/python scripts/benchmarks/import_compare.py BEFORE AFTER [--count 6000] [--rounds 2]

BEFORE and AFTER are checkouts of rt.infodoc (``git worktree add``), run with this
repository's venv and their own ``src/`` first on PYTHONPATH.  Each round builds a
fresh site per checkout (its scripts: instance, zeo, create_site) on one Solr, then
measures in one zconsole process, with ``import_run.run`` of this checkout's bench
code (the same for both): the import of COUNT new records until searchable, then
the re-import of the same file (unchanged), in wall-clock records/s and in processor
seconds of the Zope process (all its threads; what a loaded machine moves least).
The machine is small and shared: rounds alternate BEFORE and AFTER, and the
figures to compare are the medians.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
VENV_BIN = REPO / ".venv" / "bin"

MEASURE = """
import json, sys
sys.path.insert(0, {scripts!r})
from zope.component.hooks import setSite
from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from benchmarks.import_run import run
import rt.infodoc
app2 = makerequest(app)
site = app2["Plone"]
setSite(site)
newSecurityManager(None, app2.acl_users.getUserById("admin").__of__(app2.acl_users))
import time
cpu = time.process_time()
new = run(site, {fund!r}, batch_size=1000)
new["cpu_seconds"] = round(time.process_time() - cpu, 2)
cpu = time.process_time()
again = run(site, {fund!r}, batch_size=1000)
again["cpu_seconds"] = round(time.process_time() - cpu, 2)
print("RESULT" + json.dumps({{"new": new, "unchanged": again, "code": rt.infodoc.__file__}}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sh(command, env, cwd):
    done = subprocess.run(
        [str(c) for c in command], env=env, cwd=cwd, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"{command}: {done.stdout[-1500:]}\n{done.stderr[-3000:]}")
    return done.stdout


def measure(tree, fund, solr_env, workdir):
    tree = Path(tree)
    var = Path(tempfile.mkdtemp(prefix="var-", dir=workdir))
    zeo = f"127.0.0.1:{free_port()}"
    env = dict(os.environ, **solr_env, RT_INFODOC_VAR=str(var), RT_INFODOC_ZEO=zeo)
    env["PYTHONPATH"] = str(tree / "src")
    scripts = tree / "scripts"
    sh([scripts / "instance", "--var", var, "--port", free_port(), "--zeo", zeo], env, tree)
    sh([scripts / "zeo", "start"], env, tree)
    try:
        conf = var / "instance" / "etc" / "zope-zeo.conf"
        sh(
            [VENV_BIN / "zconsole", "run", conf, scripts / "zope" / "create_site.py", "--no-demo"],
            env,
            tree,
        )
        script = var / "measure.py"
        script.write_text(MEASURE.format(scripts=str(HERE.parent), fund=str(fund)))
        out = sh([VENV_BIN / "zconsole", "run", conf, script], env, tree)
        return json.loads(out.split("RESULT", 1)[1])
    finally:
        subprocess.run([str(scripts / "zeo"), "stop"], env=env, cwd=tree, capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--count", type=int, default=6000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent))
    from benchmarks.machine import describe

    workdir = Path(tempfile.mkdtemp(prefix="rt-import-compare-"))
    fund = workdir / "fund.mrc"
    sh(
        [sys.executable, REPO / "scripts" / "make-demo-fund", "--count", args.count, fund],
        dict(os.environ),
        REPO,
    )
    solr_port = free_port()
    solr_env = {
        "SOLR_PORT": str(solr_port),
        "SOLR_VAR": str(workdir / "solr"),
        "SOLR_HOST": "127.0.0.1",
    }
    solr_env_all = dict(os.environ, **solr_env)
    sh([REPO / "scripts" / "solr", "start"], solr_env_all, REPO)
    results = {"before": [], "after": []}
    try:
        for _ in range(args.rounds):
            for label in ("before", "after"):
                import urllib.request

                urllib.request.urlopen(
                    urllib.request.Request(
                        f"http://127.0.0.1:{solr_port}/solr/plone/update?commit=true",
                        data=b'{"delete": {"query": "*:*"}}',
                        headers={"Content-Type": "application/json"},
                    ),
                    timeout=60,
                ).read()
                figures = measure(getattr(args, label), fund, solr_env, workdir)
                results[label].append(figures)
                print(label, json.dumps(figures), flush=True)
    finally:
        subprocess.run(
            [str(REPO / "scripts" / "solr"), "stop"], env=solr_env_all, capture_output=True
        )
    summary = {
        label: {
            "new records/s": statistics.median(r["new"]["rate"] for r in runs),
            "new CPU s (Zope process)": statistics.median(r["new"]["cpu_seconds"] for r in runs),
            "unchanged CPU s": statistics.median(r["unchanged"]["cpu_seconds"] for r in runs),
            "unchanged records/s": statistics.median(r["unchanged"]["rate"] for r in runs),
            "peak RSS MB": max(r["unchanged"]["peak_rss_mb"] for r in runs),
            "findable": all(r["new"]["findable"] for r in runs),
            "backend": runs[0]["new"]["backend"],
            "solr documents": runs[-1]["new"]["solr_documents"],
            "rounds": [(r["new"]["rate"], r["unchanged"]["rate"]) for r in runs],
        }
        for label, runs in results.items()
    }
    print("MACHINE " + json.dumps(describe()))
    print("SUMMARY " + json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
