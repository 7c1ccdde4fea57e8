"""Real servers for the tests that run the project's own processes: a ZEO server
with its instance rendered in a temporary var/, Zope scripts under zconsole, and
a Zope served by runwsgi from the instance's own configuration."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ZCONSOLE = REPO / ".venv" / "bin" / "zconsole"
RUNWSGI = REPO / ".venv" / "bin" / "runwsgi"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Zeo:
    def __init__(self, var, port):
        self.var, self.port = var, port
        self.env = dict(os.environ, RT_INFODOC_VAR=str(var), RT_INFODOC_ZEO=f"127.0.0.1:{port}")
        self.conf = var / "instance" / "etc" / "zope-zeo.conf"

    def run(self, *args, check=True, **kw):
        return subprocess.run(
            args, env=self.env, check=check, capture_output=True, text=True, cwd=REPO, **kw
        )

    def render_instance(self):
        """scripts/instance for this var/ and this ZEO address."""
        self.run(
            str(REPO / "scripts" / "instance"),
            "--var",
            str(self.var),
            "--zeo",
            f"127.0.0.1:{self.port}",
        )

    def create_site(self, *args):
        """scripts/zope/create_site.py under zconsole (``--no-demo``, ``--replace``)."""
        self.run(
            str(ZCONSOLE),
            "run",
            str(self.conf),
            str(REPO / "scripts" / "zope" / "create_site.py"),
            *args,
        )

    def start(self):
        self.run(str(REPO / "scripts" / "zeo"), "start")

    def stop(self):
        self.run(str(REPO / "scripts" / "zeo"), "stop", check=False)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the old server must be gone
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
            except OSError:
                return
            time.sleep(0.1)

    def zconsole(self, script_text, *args):
        script = self.var / "query.py"
        script.write_text(script_text)
        out = self.run(str(ZCONSOLE), "run", str(self.conf), str(script), *args).stdout
        return json.loads(out.split("RESULT", 1)[1])

    def import_marc(self, *args, **kw):
        return subprocess.run(
            [sys.executable, str(REPO / "scripts" / "import-marc"), *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            **kw,
        )

    def save(self, name):
        shutil.copy(self.var / "filestorage" / "Data.fs", self.var / name)

    def restore(self, name):
        self.stop()
        for suffix in ("", ".index", ".lock", ".tmp"):
            path = self.var / "filestorage" / f"Data.fs{suffix}"
            if path.exists():
                path.unlink()
        shutil.copy(self.var / name, self.var / "filestorage" / "Data.fs")
        self.start()


def serve(zeo, port):
    ini = zeo.var / "instance" / "etc" / "zope-zeo.ini"
    served = zeo.var / f"zope-{port}.ini"
    served.write_text(re.sub(r"(?m)^port = \d+$", f"port = {port}", ini.read_text()))
    return subprocess.Popen(
        [str(RUNWSGI), str(served)],
        env=zeo.env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def listening(port, process, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "Zope did not start"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("Zope did not listen in time")
