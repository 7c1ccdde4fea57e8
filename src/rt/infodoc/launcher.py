"""Start a Zope script under ``zconsole run`` against the ZEO site (pure Python).

Used by the console scripts declared in setup.py (``rt-import-marc``,
``rt-harvest-oai``, ``rt-harvest-scheduled``: ``run_in_zope``) and by scripts that
load this file directly, before Zope (``run_zope_script``).  What can be checked
without Zope is checked first (the Zope configuration, ZEO reachable), so that a
run that cannot start says why in French and exits with status 2.
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXIT_NOT_STARTED = 2


class CannotStart(Exception):
    """French reason why the run cannot start."""


def zeo_address(conf_text):
    block = re.search(r"<clientstorage>(.*?)</clientstorage>", conf_text, re.S)
    if not block:
        return None
    server = re.search(r"^\s*server\s+(\S+)", block.group(1), re.M)
    if not server or ":" not in server.group(1):
        return None
    host, port = server.group(1).rsplit(":", 1)
    return host, int(port)


def zope_conf(var):
    conf = Path(os.environ.get("RT_INFODOC_CONF", Path(var) / "instance" / "etc" / "zope-zeo.conf"))
    if not conf.is_file():
        raise CannotStart(f"configuration Zope introuvable : {conf} (lancez `make instance`)")
    text = conf.read_text(encoding="utf-8")
    address = zeo_address(text)
    if address:
        try:
            socket.create_connection(address, timeout=3).close()
        except OSError:
            raise CannotStart(
                f"le serveur ZEO ne répond pas sur {address[0]}:{address[1]} "
                "(lancez scripts/zeo start)"
            ) from None
    return conf


def run_zope_script(repo, script, argv, label):
    """Run ``scripts/zope/<script>`` with ``argv``; return its exit status.

    The script writes its exit status to $RT_ZOPE_STATUS_FILE when it ends, so a
    run that Zope could not even start is told apart (status 2).
    """
    repo = Path(repo)
    var = Path(os.environ.get("RT_INFODOC_VAR", repo / "var"))
    zconsole = repo / ".venv" / "bin" / "zconsole"
    return _zconsole(zconsole, var, [str(repo / "scripts" / "zope" / script), *argv], label)


def run_in_zope(target, argv, label, var=None):
    """Run ``target`` ("module:function", called as ``function(app, argv)``) under
    ``zconsole run`` against the ZEO site; return its exit status (2 when Zope could
    not start).  What the console scripts declared in setup.py use: the zconsole of
    their own Python, var/ from $RT_INFODOC_VAR (default: ./var)."""
    var = Path(var or os.environ.get("RT_INFODOC_VAR") or Path.cwd() / "var")
    zconsole = Path(sys.executable).parent / "zconsole"
    return _zconsole(zconsole, var, [str(ZOPE_ENTRY), target, *argv], label)


ZOPE_ENTRY = Path(__file__).with_name("zope_entry.py")


def _zconsole(zconsole, var, script_and_args, label):
    try:
        conf = zope_conf(var)
    except CannotStart as exc:
        sys.stderr.write(f"{label} impossible : {exc}\n")
        return EXIT_NOT_STARTED
    fd, status_file = tempfile.mkstemp(prefix="rt-infodoc-", suffix=".status")
    os.close(fd)
    env = dict(
        os.environ, RT_INFODOC_VAR=str(var), RT_ZOPE_STATUS_FILE=status_file, RT_ZOPE_LABEL=label
    )
    command = [str(zconsole), "run", str(conf), *script_and_args]
    try:
        process = subprocess.run(command, env=env)
        written = Path(status_file).read_text().strip()
    finally:
        os.unlink(status_file)
    if written != str(process.returncode) and process.returncode != 0:
        sys.stderr.write(
            f"{label} impossible : Zope n'a pas pu démarrer (code {process.returncode})\n"
        )
        return EXIT_NOT_STARTED
    return process.returncode


def zope_script(main, app, script_name, label):
    """The body of a scripts/zope/*.py script, run by ``zconsole run CONF SCRIPT ARGS``.

    Calls ``main(app, args)``, writes the exit status to $RT_ZOPE_STATUS_FILE (so
    ``run_zope_script`` tells a finished run from a crash) and exits with it.
    """
    # sys.argv is [zconsole, "run", CONF, SCRIPT, ARGS...]
    here = [i for i, arg in enumerate(sys.argv) if arg.endswith(script_name)]
    args = sys.argv[here[0] + 1 :] if here else sys.argv[1:]
    try:
        status = main(app, args)
    except SystemExit as exc:  # argparse: --help or bad options
        status = exc.code if isinstance(exc.code, int) else EXIT_NOT_STARTED
    except Exception as exc:
        import traceback

        traceback.print_exc()
        sys.stderr.write(f"{label} interrompu : {exc.__class__.__name__}: {exc}\n")
        status = EXIT_NOT_STARTED
    if os.environ.get("RT_ZOPE_STATUS_FILE"):
        with open(os.environ["RT_ZOPE_STATUS_FILE"], "w") as stream:
            stream.write(str(status))
    sys.exit(status)


def loop(run, seconds, sleep=time.sleep, clock=time.monotonic, rounds=None):
    """Call ``run()`` every ``seconds`` (from start to start) until interrupted;
    ``rounds`` limits the number of runs (tests).  Returns the last status."""
    status, done = 0, 0
    while rounds is None or done < rounds:
        started = clock()
        status = run()
        done += 1
        if rounds is not None and done >= rounds:
            break
        sleep(max(0.0, seconds - (clock() - started)))
    return status
