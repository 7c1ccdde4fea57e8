"""Reading real ISO 2709 files: counts, recovery, encodings, French text."""

from pathlib import Path

import pytest

from rt.infodoc.marc.reader import read_records
from rt.infodoc.marc.reader import sniff_format

DATA = Path(__file__).parent.parent / "data" / "marc"


def _read(name):
    return list(read_records(DATA / name))


# file -> (records, good, rejected)
COUNTS = {
    "marc4j_brkrtest.mrc": (8, 8, 0),
    "marc4j_pride-and-prejudice-fixed.mrc": (383, 383, 0),
    "marc4j_pride-and-prejudice-with-many-errors.mrc": (383, 383, 0),
    "marcjs_bib-one.mrc": (1, 1, 0),
    "marcjs_bib.mrc": (6, 6, 0),
    "pymarc_bad_records.mrc": (8, 7, 1),
    "pymarc_bad_marc8_escape.dat": (1, 1, 0),
    "pymarc_marc8.dat": (1, 1, 0),
    "pymarc_testunimarc.dat": (1, 1, 0),
    "pymarc_utf8_with_leader_flag.dat": (1, 1, 0),
    "pymarc_utf8_without_leader_flag.dat": (1, 1, 0),
    "marc4j_chabon.xml": (2, 2, 0),
    "marc4j_chabon-missing-subfield-code.xml": (1, 1, 0),
    "marcjs_bib.xml": (6, 6, 0),
    "pymarc_bad_tag.xml": (1, 1, 0),
    "pymarc_batch.xml": (2, 2, 0),
}


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_counts_of_good_and_rejected_records(name):
    results = _read(name)
    total, good, rejected = COUNTS[name]
    assert len(results) == total
    assert sum(r.ok for r in results) == good
    assert sum(r.error is not None for r in results) == rejected
    assert [r.position for r in results] == list(range(1, total + 1))


def test_all_files_were_copied_and_are_counted():
    names = {p.name for p in DATA.iterdir() if p.suffix in (".mrc", ".dat", ".xml")}
    assert names == set(COUNTS)


def test_trailing_newline_does_not_make_a_record():
    data = (DATA / "marcjs_bib.mrc").read_bytes()
    assert data.endswith(b"\x1d\n")
    assert all(r.record is not None for r in read_records(data))


def test_stray_newlines_between_records_are_skipped():
    one = (DATA / "marcjs_bib-one.mrc").read_bytes()
    results = list(read_records(b"\r\n" + one + b"\n\n" + one + b"\n"))
    assert [r.ok for r in results] == [True, True]
    assert results[1].offset == 2 + len(one) + 2


def test_source_may_be_path_bytes_or_binary_file(tmp_path):
    data = (DATA / "marcjs_bib.mrc").read_bytes()
    with open(DATA / "marcjs_bib.mrc", "rb") as stream:
        from_file = [r.identifier for r in read_records(stream)]
    assert from_file == [r.identifier for r in read_records(data)]
    assert from_file == [r.identifier for r in read_records(str(DATA / "marcjs_bib.mrc"))]
    assert from_file[0] == "FRBNF323046990000009"


def test_offsets_point_at_each_record():
    data = (DATA / "marcjs_bib.mrc").read_bytes()
    for result in read_records(data):
        assert data[result.offset : result.offset + len(result.raw)] == result.raw
        assert result.raw.endswith(b"\x1d")


def test_utf8_unimarc_claiming_iso5426_reads_as_utf8():
    results = _read("marcjs_bib.mrc")
    assert {r.encoding for r in results} == {"utf-8"}
    assert {r.flavour for r in results} == {"unimarc"}
    titles = [r.record["200"]["a"] for r in results]
    assert (
        "Histoire de l'imprimerie en France au 15e et au 16e siècle, par A. Claudin,..." in titles
    )
    text = " ".join(str(f) for r in results for f in r.record.fields)
    assert "préface" in text and "quatorzième" in text
    assert "©" not in text and "♭" not in text and "Ã" not in text


def test_true_marc8_is_still_read():
    [marc8] = _read("pymarc_marc8.dat")
    assert marc8.encoding == "marc-8"
    assert "Translation of De la solitude à la communauté." == marc8.record["500"]["a"]
    brkr = _read("marc4j_brkrtest.mrc")
    assert [r.encoding for r in brkr].count("marc-8") == 5
    notes = [f["a"] for f in brkr[1].record.get_fields("500")]
    assert "the acute accent in désirée" in notes
    assert "This is a test of diacritics like the uppercase Polish L in Łódź" in notes
    assert "the British pound sign in £5.95" in notes


def test_utf8_without_leader_flag():
    [with_flag] = _read("pymarc_utf8_with_leader_flag.dat")
    [without] = _read("pymarc_utf8_without_leader_flag.dat")
    assert without.encoding == "utf-8"
    assert [str(f) for f in without.record.fields] == [str(f) for f in with_flag.record.fields]


def test_broken_directory_is_rebuilt_with_warnings():
    results = _read("pymarc_bad_records.mrc")
    titles = [r.record["245"]["a"] if r.ok else None for r in results]
    assert titles.count("The pragmatic programmer : ") == 7
    assert results[1].warnings  # base address 99937
    assert results[6].error == "notice sans aucun champ (répertoire vide ou illisible)"
    assert results[6].position == 7 and results[6].offset == 764


def test_many_errors_file_keeps_every_record_and_matches_the_fixed_twin():
    broken = _read("marc4j_pride-and-prejudice-with-many-errors.mrc")
    fixed = _read("marc4j_pride-and-prejudice-fixed.mrc")
    assert all(r.ok for r in broken)
    same = sum(
        sorted(map(str, a.record.fields)) == sorted(map(str, b.record.fields))
        for a, b in zip(broken, fixed, strict=False)
    )
    # 359 identical; of the 24 others, several are better than marc4j's "fixed"
    # reading (e.g. "Linköping" where marc4j wrote "Linkp̲ing").
    assert same == 359
    assert sum(bool(r.warnings) for r in broken) >= 190
    assert [r.identifier for r in broken] == [r.identifier for r in fixed]


def test_recovered_record_reports_what_was_fixed():
    broken = _read("marc4j_pride-and-prejudice-with-many-errors.mrc")
    record = broken[92]  # leader one character short, XML entities, Latin-1 byte
    assert "label de 23 caractères au lieu de 24" in record.warnings
    assert record.record["260"]["c"] == "<s.a.>"
    assert [f["a"] for f in record.record.get_fields("852")][-1] == "Östersund"


def test_lost_marc8_escapes_are_restored():
    broken = _read("marc4j_pride-and-prejudice-with-many-errors.mrc")
    record = broken[311]
    assert "séquences d'échappement MARC-8 (ESC) perdues, rétablies" in record.warnings
    assert record.record["200"]["a"] == "傲慢與偏見"


def test_truncated_record_and_garbage_are_reported_not_fatal():
    one = (DATA / "marcjs_bib-one.mrc").read_bytes()
    data = one + one[:300] + b"\x1d" + b"garbage\x1d" + one
    results = list(read_records(data))
    assert [r.ok for r in results] == [True, False, False, True]
    assert results[1].identifier == "123456789"
    assert results[1].error
    assert results[2].error.startswith("notice tronquée")
    assert results[3].identifier == "123456789"


def test_missing_record_terminator_between_two_records():
    one = (DATA / "marcjs_bib-one.mrc").read_bytes()
    results = list(read_records(one[:-1] + one))
    assert [r.ok for r in results] == [True, True]
    assert "fin de notice manquante : notice séparée de la suivante" in results[0].warnings


def test_bad_indicators_and_subfield_codes_are_repaired():
    record = (
        b"00000nam  2200000   4500"
        + b"001000400000"
        + b"200002200004"
        + b"\x1e"
        + b"id1\x1e"
        + b"1\x1fAtitre\x1f\x1f!x\x1fbsuite\x1e"
        + b"\x1d"
    )
    [result] = list(read_records(record))
    assert result.ok
    field = result.record["200"]
    assert field.indicators == ("1", " ")
    # "A" lower-cased, the empty delimiter dropped, "!x" kept as text of $a
    assert [tuple(s) for s in field.subfields] == [("a", "titre!x"), ("b", "suite")]
    assert "champ 200 : code de sous-champ 'A' mis en minuscule" in result.warnings
    assert "champ 200 : délimiteur de sous-champ sans code ignoré" in result.warnings
    assert "champ 200 : indicateurs '1' corrigés" in result.warnings


def test_sniff_format():
    assert sniff_format(b"\xef\xbb\xbf  <?xml version='1.0'?>") == "xml"
    assert sniff_format(b"\n00733nam") == "iso2709"


def test_raw_iteration_matches_read_records():
    from rt.infodoc.marc.reader import iter_raw_iso2709

    name = DATA / "marc4j_pride-and-prejudice-with-many-errors.mrc"
    raw = list(iter_raw_iso2709(name))
    read = _read(name.name)
    assert [(p, o, b) for p, o, b in raw] == [(r.position, r.offset, r.raw) for r in read]
