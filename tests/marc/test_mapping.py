from pathlib import Path

from rt.infodoc.marc.mapping import record_hash
from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.reader import read_records

DATA = Path(__file__).parent.parent / "data" / "marc"


def test_dispatch_by_detected_flavour():
    uni = next(read_records(DATA / "marcjs_bib.mrc"))
    marc = next(read_records(DATA / "marc4j_chabon.xml"))
    assert to_notice(uni.record)["marc_flavour"] == "unimarc"
    assert to_notice(marc.record)["marc_flavour"] == "marc21"
    assert to_notice(uni.record, "unimarc") == to_notice(uni.record)


def test_no_empty_values_in_any_real_notice():
    for path in sorted(DATA.iterdir()):
        if path.suffix not in (".mrc", ".dat", ".xml"):
            continue
        for result in read_records(path):
            if result.ok:
                for key, value in to_notice(result.record, result.flavour).items():
                    assert value not in (None, "", [], {}), (path.name, key)


def test_record_hash_is_stable_and_content_sensitive():
    results = list(read_records(DATA / "marcjs_bib.mrc"))
    first = to_notice(results[0].record)
    again = to_notice(next(read_records(DATA / "marcjs_bib.mrc")).record)
    assert record_hash(first) == record_hash(again)
    assert record_hash(dict(reversed(list(first.items())))) == record_hash(first)
    assert record_hash({**first, "title": first["title"] + "!"}) != record_hash(first)
    hashes = {record_hash(to_notice(r.record)) for r in results}
    assert len(hashes) == len(results)
