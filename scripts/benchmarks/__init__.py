"""Benchmarks of rt.infodoc, run by `make bench` (scripts/bench).

Each module offers ``run(workdir, quick) -> list[Figure]``. Figures measured in
the same run are compared as ratios: the machine is small (2 cores) and noisy.
"""

from dataclasses import dataclass


@dataclass
class Figure:
    name: str  # what was measured
    value: float
    unit: str  # "records/s", "ms", ...
    target: str = ""  # the target, as text (">= 1000 records/s")
    ok: bool | None = None  # whether the target is met (None: no target)
    note: str = ""
