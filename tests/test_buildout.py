"""buildout.cfg: the versions come from constraints.txt, and the build really works.

The fast tests check scripts/buildout-versions. The slow ones run scripts/buildout
(zc.buildout 6, plone.recipe.zope2instance) in a copy of the repository, start the
instance it built on a free port and ask it for pages. The eggs cache is shared
with the developer's own runs (var/buildout/cache, or RT_INFODOC_BUILDOUT_CACHE):
about six minutes when it is empty, well under a minute once it is filled.
"""

import configparser
import importlib.machinery
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("RT_INFODOC_BUILDOUT_CACHE", REPO / "var" / "buildout" / "cache"))
NOT_COPIED = {
    "var",
    ".venv",
    ".git",
    "build",
    "dist",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}


def _load_versions_script():
    path = REPO / "scripts" / "buildout-versions"
    loader = importlib.machinery.SourceFileLoader("buildout_versions", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


versions_script = _load_versions_script()


def _run_versions(*args):
    return subprocess.run(
        [str(REPO / "scripts" / "buildout-versions"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


# --- versions.cfg from constraints.txt (fast) ---------------------------------------


def test_versions_cfg_repeats_every_pin_of_constraints(tmp_path):
    output = tmp_path / "versions.cfg"
    result = _run_versions("--output", output)
    assert result.returncode == 0, result.stderr

    written = versions_script.parse_versions_cfg(output.read_text(encoding="utf-8"))
    by_name = {versions_script.canonical(name): version for name, version in written}
    assert len(by_name) == len(written), "a package is pinned twice in versions.cfg"

    constraints = versions_script.read_constraints(REPO / "constraints.txt")
    assert len(constraints) > 250
    tooling = {
        versions_script.canonical(name): version
        for name, version in versions_script.BUILDOUT_TOOLING.items()
    }
    for name, version in constraints:
        key = versions_script.canonical(name)
        if key in versions_script.BUILDOUT_MINIMUMS and by_name[key] != version:
            # Only pip, and only while constraints.txt pins one older than buildout needs.
            assert by_name[key] == tooling[key]
            assert f"{name}=={version} est trop ancien" in result.stderr
        else:
            assert by_name[key] == version, name
    extra = set(by_name) - {versions_script.canonical(name) for name, _ in constraints}
    assert extra <= set(tooling)
    for key in extra:
        assert by_name[key] == tooling[key]
        assert "n'est pas encore dans constraints.txt" in result.stderr


def test_constraints_pin_wins_over_the_buildout_fallback(tmp_path):
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("# tooling\npip==26.2\nzc.buildout==6.0.0\nZope==6.3\n")
    output = tmp_path / "versions.cfg"
    result = _run_versions("--constraints", constraints, "--output", output)
    assert result.returncode == 0, result.stderr
    pins = dict(versions_script.parse_versions_cfg(output.read_text()))
    assert pins["pip"] == "26.2"
    assert pins["zc.buildout"] == "6.0.0"
    assert pins["Zope"] == "6.3"
    assert (
        pins["plone.recipe.zope2instance"]
        == versions_script.BUILDOUT_TOOLING["plone.recipe.zope2instance"]
    )
    assert "zc.buildout==" not in result.stderr


@pytest.mark.parametrize("line", ["Zope>=6.3", "Zope", "Zope==6.3\nzope==6.2"])
def test_a_loose_or_doubled_pin_is_refused(tmp_path, line):
    constraints = tmp_path / "constraints.txt"
    constraints.write_text(f"pip==26.1.2\n{line}\n")
    output = tmp_path / "versions.cfg"
    result = _run_versions("--constraints", constraints, "--output", output)
    assert result.returncode == 2
    assert "constraints.txt:" in result.stderr
    assert not output.exists()


def test_buildout_cfg_takes_only_exact_pins():
    config = configparser.ConfigParser(interpolation=None)
    config.read(REPO / "buildout.cfg", encoding="utf-8")
    buildout = config["buildout"]
    assert buildout["extends"].strip() == "var/buildout/versions.cfg"
    assert Path(REPO / buildout["extends"].strip()).parent == versions_script.DEFAULT_OUTPUT.parent
    assert buildout["allow-picked-versions"] == "false"
    assert buildout["prefer-final"] == "true"
    assert buildout["develop"] == "."
    for option in (
        "installed",
        "bin-directory",
        "parts-directory",
        "develop-eggs-directory",
        "eggs-directory",
        "download-cache",
    ):
        assert buildout[option].startswith("var/buildout/"), option
    assert config["instance"]["recipe"] == "plone.recipe.zope2instance"


# --- the real build (slow) ----------------------------------------------------------


def _copy_repository(target):
    def ignore(folder, names):
        return {name for name in names if name in NOT_COPIED or name.endswith(".egg-info")}

    shutil.copytree(REPO, target, symlinks=True, ignore=ignore)
    return target


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _buildout(checkout, *args, timeout=1500):
    return subprocess.run(
        [str(checkout / "scripts" / "buildout"), "--cache", str(CACHE), *args],
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={key: value for key, value in os.environ.items() if key != "PYTHONPATH"},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    checkout = _copy_repository(tmp_path_factory.mktemp("buildout") / "checkout")
    port = _free_port()
    started = time.monotonic()
    result = _buildout(checkout, f"instance:http-address=127.0.0.1:{port}")
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    print(f"buildout in {elapsed:.0f} s")
    return {"checkout": checkout, "port": port, "output": result.stdout + result.stderr}


def _zopepy(built, code):
    result = subprocess.run(
        [str(built["checkout"] / "var" / "buildout" / "bin" / "zopepy"), "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=built["checkout"],
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _get(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read()


@pytest.mark.slow
def test_buildout_builds_everything_under_var_buildout(built):
    checkout = built["checkout"]
    assert "buildout : terminé en" in built["output"]
    assert "Versions had to be automatically picked" not in built["output"]
    here = checkout / "var" / "buildout"
    assert (here / "bin" / "instance").is_file()
    wsgi_ini = (here / "parts" / "instance" / "etc" / "wsgi.ini").read_text()
    pipeline = wsgi_ini.split("[pipeline:main]", 1)[1]
    for name in ("outage", "badpath", "circulation", "interpreter"):
        assert f"egg:rt.infodoc#{name}" in pipeline, name
    assert (here / ".installed.cfg").is_file()
    for polluter in ("bin", "parts", "eggs", "develop-eggs", ".installed.cfg"):
        assert not (checkout / polluter).exists(), polluter


@pytest.mark.slow
def test_the_instance_python_imports_the_checkout_and_the_pinned_plone(built):
    checkout = built["checkout"]
    found = _zopepy(
        built,
        (
            "import json, sys, importlib.metadata as m, rt.infodoc\n"
            "from plone.autoinclude.loader import load_z3c_packages\n"
            "print(json.dumps({'file': rt.infodoc.__file__, 'python': sys.version_info[:2],\n"
            "  'plone': m.version('Products.CMFPlone'), 'zope': m.version('Zope'),\n"
            "  'autoinclude': sorted(load_z3c_packages(target='plone'))}))"
        ),
    )
    pins = dict(versions_script.read_constraints(REPO / "constraints.txt"))
    assert Path(found["file"]).resolve() == (checkout / "src" / "rt" / "infodoc" / "__init__.py")
    assert found["python"] == [3, 11]
    assert found["plone"] == pins["Products.CMFPlone"] == "6.2.2"
    assert found["zope"] == pins["Zope"]
    assert "rt.infodoc" in found["autoinclude"]


@pytest.mark.slow
def test_the_built_instance_serves_plone_and_the_project_zcml(built):
    checkout = built["checkout"]
    port = built["port"]
    log = (checkout / "var" / "buildout" / "instance-console.log").open("wb")
    process = subprocess.Popen(
        [str(checkout / "var" / "buildout" / "bin" / "instance"), "console"],
        cwd=checkout,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        status, body = None, b""
        while time.monotonic() < deadline:
            assert process.poll() is None, (
                checkout / "var/buildout/instance-console.log"
            ).read_text(errors="replace")[-4000:]
            try:
                status, body = _get(base + "/")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(1)
        assert status == 200
        assert b"Plone" in body

        # theme/configure.zcml of rt.infodoc registers this resource directory.
        status, css = _get(base + "/++resource++rt.infodoc/portal.css")
        assert status == 200
        assert css == (checkout / "theme" / "static" / "portal.css").read_bytes()

        with pytest.raises(urllib.error.HTTPError) as missing:
            _get(base + "/++resource++rt.infodoc/absent.css")
        assert missing.value.code == 404

        # the project's WSGI filters are in the pipeline: a path that is not UTF-8
        # gets the French 400 of rt.infodoc.publication.wsgi_path
        with pytest.raises(urllib.error.HTTPError) as unreadable:
            _get(base + "/Plone/%E9")
        assert unreadable.value.code == 400
        assert "Adresse invalide" in unreadable.value.read().decode("utf-8")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)
        log.close()
    console = (checkout / "var" / "buildout" / "instance-console.log").read_text(errors="replace")
    assert "objects of start-up frozen" in console  # rt.infodoc.publication.wsgi_interpreter
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "the instance is still listening"


@pytest.mark.slow
def test_an_unpinned_egg_stops_the_build(tmp_path):
    checkout = _copy_repository(tmp_path / "checkout")
    constraints = checkout / "constraints.txt"
    lines = constraints.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("Paste==")]
    assert len(kept) == len(lines) - 1
    constraints.write_text("\n".join(kept) + "\n", encoding="utf-8")

    result = _buildout(checkout)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Paste" in output and "does not have a version pin" in output
    assert "buildout : échec" in output
    assert not (checkout / "var" / "buildout" / "bin" / "instance").exists()
