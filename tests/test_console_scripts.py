"""The command lines are console scripts declared in setup.py; scripts/ keeps thin
wrappers that hand their arguments over untouched (no second option parser)."""

import ast
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WRAPPERS = {
    "import-marc": ("rt-import-marc", "rt.infodoc.importer.cli:console"),
    "harvest-oai": ("rt-harvest-oai", "rt.infodoc.harvesting.cli:harvest_console"),
    "harvest-scheduled": ("rt-harvest-scheduled", "rt.infodoc.harvesting.cli:scheduled_console"),
}


def test_console_scripts_are_declared_and_installed():
    declared = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    for name, target in WRAPPERS.values():
        assert declared.get(name) == target
        assert (Path(sys.executable).parent / name).exists(), name


def test_wrappers_parse_no_option():
    for wrapper, (name, _target) in WRAPPERS.items():
        source = (REPO / "scripts" / wrapper).read_text(encoding="utf-8")
        tree = ast.parse(source)
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert "argparse" not in imported, wrapper
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.For, ast.While))], wrapper
        assert name in source, wrapper


def test_a_wrapper_answers_with_the_console_scripts_options_and_messages(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "RT_INFODOC_VAR": str(tmp_path)}
    usage = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "import-marc"), "--help"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert usage.returncode == 0 and "usage: rt-import-marc" in usage.stdout
    assert "--withdraw-missing" in usage.stdout
    nothing = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "import-marc")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert nothing.returncode == 2
    assert nothing.stderr == "Import impossible : aucun fichier à importer\n"
    loop = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "harvest-scheduled"), "--loop", "0"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert loop.returncode == 2 and "--loop attend un nombre de secondes positif" in loop.stderr
