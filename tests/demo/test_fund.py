"""The demo fund: deterministic, PMB-shaped UNIMARC that every reader can parse."""

import hashlib
import io
import json
import pathlib
import re
import subprocess
import sys

import pymarc
import pytest

from rt.infodoc.demo.fund import DEFAULT_COUNT
from rt.infodoc.demo.fund import generate_notices
from rt.infodoc.demo.fund import write_fund

ROOT = pathlib.Path(__file__).resolve().parents[2]
VOCABULARIES = json.loads((ROOT / "src/rt/infodoc/demo/data/vocabularies.json").read_text("utf-8"))


def read_utf8(data):
    reader = pymarc.MARCReader(
        io.BytesIO(data), to_unicode=True, force_utf8=True, utf8_handling="strict"
    )
    records = []
    for record in reader:
        assert record is not None, f"notice illisible : {reader.current_exception!r}"
        records.append(record)
    return records


@pytest.fixture(scope="module")
def default_fund(tmp_path_factory):
    """The file the real command writes with its defaults."""
    out = tmp_path_factory.mktemp("fund") / "fonds.mrc"
    completed = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make-demo-fund"), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "6200 notices écrites" in completed.stdout
    return out.read_bytes()


@pytest.fixture(scope="module")
def default_records(default_fund):
    return read_utf8(default_fund)


def test_default_fund_has_6200_records_and_is_deterministic(default_fund, default_records):
    assert DEFAULT_COUNT == 6200
    assert len(default_records) == 6200
    again = io.BytesIO()
    assert write_fund(again) == 6200
    assert hashlib.sha256(again.getvalue()).hexdigest() == hashlib.sha256(default_fund).hexdigest()


def test_other_seed_or_count_gives_another_file():
    first, other_seed, other_count = io.BytesIO(), io.BytesIO(), io.BytesIO()
    write_fund(first, count=300, seed=1)
    write_fund(other_seed, count=300, seed=2)
    write_fund(other_count, count=301, seed=1)
    assert first.getvalue() != other_seed.getvalue()
    assert len(read_utf8(other_count.getvalue())) == 301


def test_records_are_written_like_pmb_exports(default_fund, default_records):
    for record in default_records:
        leader = str(record.leader)
        assert leader[9] == " " and leader[20:24] == "450 "
        assert record["100"]["a"][26:30] == "0103"  # claims ISO 646 + ISO 5426...
    assert "é".encode() in default_fund  # ...but the bytes are UTF-8
    # which is the trap: trusting the record's own declaration garbles the accents
    trusting = next(pymarc.MARCReader(io.BytesIO(default_fund)))
    assert trusting["200"]["a"] != default_records[0]["200"]["a"]


def test_every_record_has_the_core_zones(default_records):
    ids = set()
    for record in default_records:
        assert record["001"] and record["200"]["a"] and record["101"]["a"] in ("fre", "eng")
        ids.add(record["001"].data)
        year = int(record["100"]["a"][9:13])
        assert 1990 <= year <= 2023
        assert record.get_fields("995") or record.get_fields("856")
    assert len(ids) == len(default_records)


def test_basic_skills_are_4500_of_6200(default_records):
    label = VOCABULARIES["themes"]["savoirs-de-base"]
    with_theme = [r for r in default_records if label in [f["a"] for f in r.get_fields("606")]]
    assert len(with_theme) == 4500
    notices = list(generate_notices(6200))
    assert sum(1 for n in notices if "savoirs-de-base" in n["themes"]) == 4500


def test_descriptors_and_items_use_the_vocabulary_tokens(default_records):
    theme_labels = set(VOCABULARIES["themes"].values())
    relays = set(VOCABULARIES["relay_sites"])
    types = set(VOCABULARIES["document_types"])
    territories = set(VOCABULARIES["territories"].values()) | {"France"}
    barcodes = []
    for record in default_records:
        assert any(f["a"] in theme_labels for f in record.get_fields("606"))
        for field in record.get_fields("607"):
            assert field["a"] in territories
        for field in record.get_fields("995"):
            assert field["b"] in relays and field["r"] in types
            assert re.fullmatch(r"\d{3} [A-Z]{3}", field["k"]), field["k"]
            barcodes.append(field["f"])
    assert len(barcodes) == len(set(barcodes)) > 4000
    sites = {f["b"] for r in default_records for f in r.get_fields("995")}
    assert sites == relays


def test_isbns_have_valid_check_digits(default_records):
    isbns = [f["a"] for r in default_records for f in r.get_fields("010") if f["a"]]
    assert 100 < len(isbns) < len(default_records) // 2
    for isbn in isbns:
        assert re.fullmatch(r"978-2-\d+-\d+-\d", isbn)
        digits = [int(d) for d in isbn.replace("-", "")]
        assert sum(d * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10 == 0


def test_real_titles_and_productions_of_the_reports_are_in_the_fund(default_records):
    titles = {r["200"]["a"].replace("\x88", "").replace("\x89", "") for r in default_records}
    for title in (
        "La France de l'illettrisme",
        "Un autre regard sur les illettrés",
        "L'insécurité linguistique au travail",
        "Le PAC, Passeport Accueil Jeunes",
        "Mallette pédagogique numérique R&T n° 1",
        "Journal de l'alpha",
    ):
        assert title in titles
    # combined titles are varied: most title + other title information pairs are unique
    pairs = {(r["200"]["a"], r["200"].get("e")) for r in default_records}
    assert len(pairs) > 0.75 * len(default_records) and len(titles) > 2500


def test_electronic_references_have_a_url(default_records):
    electronic = [r for r in default_records if r.get_fields("856") and not r.get_fields("995")]
    assert len(electronic) > 300
    assert all(f["u"].startswith("http") for r in electronic for f in r.get_fields("856"))


def test_large_funds_have_the_asked_count():
    out = io.BytesIO()
    written = write_fund(out, count=3000, seed=5)
    assert written == 3000
    assert out.getvalue().count(b"\x1d") == 3000


def test_command_rejects_a_bad_count(tmp_path):
    completed = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "make-demo-fund"),
            "--count",
            "0",
            str(tmp_path / "x.mrc"),
        ],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 2 and "entier positif" in completed.stderr
    assert not (tmp_path / "x.mrc").exists()


def test_the_project_reader_and_mapping_give_back_the_generated_notices():
    """The fund is written for the importer: its reader and mapping land on the same values."""
    from rt.infodoc.marc.mapping import to_notice
    from rt.infodoc.marc.reader import read_records

    data = io.BytesIO()
    write_fund(data, count=800, seed=11)
    results = list(read_records(io.BytesIO(data.getvalue())))
    assert [r.error for r in results] == [None] * 800
    for expected, result in zip(generate_notices(800, seed=11), results, strict=True):
        mapped = to_notice(result.record)
        for key in (
            "title",
            "subtitle",
            "cosoter_id",
            "year",
            "isbn",
            "issn",
            "publisher",
            "place",
            "collation",
            "summary",
            "urls",
            "items",
            "territory",
            "authors",
            "descriptors",
            "keywords",
            "dewey",
            "language",
            "support",
        ):
            assert mapped.get(key) == expected.get(key), (key, mapped.get(key), expected.get(key))
        assert set(expected["themes"]) <= set(mapped["themes"])
        if "items" in expected:
            assert mapped["document_type"] == expected["document_type"]
