"""Harvested records -> ReadResults, on records served by the PMB stand-in over HTTP."""

from dataclasses import replace

from rt.infodoc.harvesting.core.client import OAIClient
from rt.infodoc.harvesting.core.harvester import Harvester
from rt.infodoc.harvesting.identifiers import cosoter_id
from rt.infodoc.harvesting.records import to_read_result
from rt.infodoc.marc.mapping import to_notice

from .conftest import expected_title


def harvest(url, prefix=None):
    got = []
    report = Harvester(OAIClient(url), prefix=prefix).harvest(got.append)
    assert report.status == "ok", report.errors
    return got


def test_pmb_identifier_last_segment_is_the_001(standin):
    got = harvest(standin.url)
    assert got[0].prefix == "pmb_xml_unimarc"
    results = [to_read_result(r, n) for n, r in enumerate(got, 1)]
    assert all(r.ok and r.warnings == [] for r in results)
    # the rule documented in harvesting/identifiers.py, checked on every record
    assert [r.identifier for r in results] == [cosoter_id(r.identifier) for r in got]
    assert [r.record["001"].data for r in results] == [str(5000 + i) for i in range(1, 251)]
    notice = to_notice(results[1].record, results[1].flavour)
    assert notice["title"] == expected_title(2) and notice["cosoter_id"] == "5002"
    assert results[1].raw.startswith(b"<notice")


def test_oai_dc_records_build_unimarc(standin):
    got = harvest(standin.url, prefix="oai_dc")
    results = [to_read_result(r, n) for n, r in enumerate(got, 1)]
    assert all(r.ok for r in results)
    notices = [to_notice(r.record, r.flavour) for r in results]
    assert [n["title"] for n in notices] == [expected_title(i) for i in range(1, 251)]
    assert [n["cosoter_id"] for n in notices] == [str(5000 + i) for i in range(1, 251)]
    assert notices[0]["authors"][0]["name"] == "Dupré, Hélène"
    assert notices[0]["year"] == 2001 and notices[0]["keywords"] == ["savoirs de base"]
    # the built record is dated from the OAI datestamp, so it is the same every day
    assert results[0].record["100"]["a"][:8] == got[0].datestamp[:10].replace("-", "")


def test_missing_or_different_001(standin, records):
    records[0].remove_fields("001")
    standin.add(records[0])  # served as oai:cosoter:251 (its position) without 001
    got = harvest(standin.url)
    last = to_read_result(got[-1], 1)
    assert last.ok and last.identifier == "251" and last.record["001"].data == "251"
    assert "001 absent" in last.warnings[0]
    other = replace(got[0], identifier="oai:cosoter:9")
    result = to_read_result(other, 1)
    assert result.identifier == "5001" and "différent de l'identifiant OAI" in result.warnings[0]
