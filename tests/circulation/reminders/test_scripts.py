"""scripts/clock runs each job once per period (state in var/clock.json), and
scripts/send-reminders says in French why it cannot start (exit 2)."""

import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def _clock(tmp_path, monkeypatch):
    monkeypatch.setenv("RT_INFODOC_VAR", str(tmp_path))
    loader = importlib.machinery.SourceFileLoader("rt_clock", str(REPO / "scripts" / "clock"))
    spec = importlib.util.spec_from_loader("rt_clock", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_a_job_runs_once_per_period_and_again_after_it(tmp_path, monkeypatch):
    clock = _clock(tmp_path, monkeypatch)
    marker = tmp_path / "runs.txt"
    job = [sys.executable, "-c", f"open({str(marker)!r}, 'a').write('x')"]
    monkeypatch.setattr(clock, "JOBS", [("essai", job, 3600)])
    assert clock.tick(now=1e9) == {"essai": 0}
    assert clock.tick(now=1e9 + 1000) == {}  # within the hour: not again
    assert clock.tick(now=1e9 + 3700) == {"essai": 0}
    assert marker.read_text() == "xx"
    assert json.loads((tmp_path / "clock.json").read_text()) == {"essai": 1e9 + 3700}


def test_a_job_that_could_not_start_is_tried_at_the_next_tick(tmp_path, monkeypatch):
    clock = _clock(tmp_path, monkeypatch)
    monkeypatch.setattr(clock, "JOBS", [("essai", [sys.executable, "-c", "exit(2)"], 3600)])
    assert clock.tick(now=1e9) == {"essai": 2}
    assert clock.tick(now=1e9 + 60) == {"essai": 2}


def test_the_reminders_are_a_daily_job():
    loader = importlib.machinery.SourceFileLoader("rt_clock2", str(REPO / "scripts" / "clock"))
    spec = importlib.util.spec_from_loader("rt_clock2", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    assert [(name, period) for name, _cmd, period in module.JOBS][0] == ("relances", 86400)


def test_send_reminders_without_an_instance_exits_2_in_french(tmp_path):
    env = dict(os.environ, RT_INFODOC_VAR=str(tmp_path))
    env.pop("RT_INFODOC_CONF", None)
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "send-reminders")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Relances impossible" in result.stderr and "configuration Zope introuvable" in (
        result.stderr
    )
