"""Fixtures of the bulk indexing tests: MARC files to import."""

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "marc"


@pytest.fixture()
def demo_fund(tmp_path):
    """A deterministic UNIMARC demo fund of 40 records (French titles)."""
    from rt.infodoc.demo.fund import write_fund

    path = tmp_path / "fund.mrc"
    write_fund(str(path), count=40)
    return path
