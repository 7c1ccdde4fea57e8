"""Describe the machine a benchmark ran on."""

import os
import pickle
import platform
import statistics
import subprocess
import time


def _first_line(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=10)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


def reference_ms(repeat=3):
    """The time of a fixed piece of pure Python (dicts, strings, pickles: what a
    Zope request does most), median of `repeat`, in ms. The machine's speed
    moves from one minute to the next (one and a half times slower, on
    identical code): figures measured at different moments compare through it."""
    times = []
    for _n in range(repeat):
        started = time.perf_counter()
        for i in range(40_000):
            record = {"id": i, "title": f"Notice {i}", "themes": ["sante", str(i % 7)]}
            pickle.loads(pickle.dumps(record))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def describe():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "host": platform.node(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "java": _first_line(["java", "-version"]),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "reference workload": f"{reference_ms():.0f} ms",
        "kernel": platform.release(),
    }
