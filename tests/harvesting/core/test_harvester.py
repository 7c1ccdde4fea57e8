"""The harvester against the PMB stand-in over real HTTP on 127.0.0.1."""

import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from email.utils import format_datetime

from standins.pmb_oai import PMBStandIn

from rt.infodoc.harvesting.core.client import OAIClient
from rt.infodoc.harvesting.core.errors import OAIProtocolError
from rt.infodoc.harvesting.core.errors import TransportError
from rt.infodoc.harvesting.core.harvester import Harvester
from rt.infodoc.harvesting.core.state import HarvestState

from .conftest import make_record

PMB = "{http://www.pmbservices.fr}"


def titles_of(records):
    out = []
    for rec in records:
        for field in rec.metadata_element.iter(f"{PMB}f"):
            if field.get("c") == "200":
                out.append(field.find(f"{PMB}s[@c='a']").text)
    return out


def list_requests(standin):
    return [dict(p) for _, p in standin.requests if dict(p).get("verb") == "ListRecords"]


def test_full_harvest_three_pages(standin, records):
    got = []
    report = Harvester(OAIClient(standin.url)).harvest(got.append)
    assert report.status == "ok", report.errors
    assert report.prefix == "pmb_xml_unimarc"  # preferred for PMB sources
    assert (report.records, report.pages, report.deleted) == (250, 3, 0)
    assert report.complete_list_size == 250
    assert [r.identifier for r in got] == [f"oai:cosoter:{1000 + i}" for i in range(1, 251)]
    assert titles_of(got) == [r["200"]["a"] for r in records]
    assert got[0].metadata_element.find(f"{PMB}rs").text == "n"
    assert report.last_datestamp == got[-1].datestamp
    verbs = [dict(p)["verb"] for _, p in standin.requests]
    assert verbs[:2] == ["Identify", "ListMetadataFormats"]
    assert all(
        dict(p).get("source_id") is None for _, p in standin.requests
    )  # stripped server-side


def test_prefix_can_be_forced(standin):
    got = []
    report = Harvester(OAIClient(standin.url), prefix="oai_dc").harvest(got.append)
    assert report.records == 250 and report.prefix == "oai_dc"
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert (
        got[1].metadata_element.findtext(f"{dc}title")
        == "Médiation sociale et quartiers prioritaires (2)"
    )
    report = Harvester(OAIClient(standin.url), prefix="marc21").harvest(got.append)
    assert report.status == "failed" and "marc21" in report.errors[0]["message"]


def test_token_expired_mid_harvest_restarts_without_duplicates(standin):
    got = []

    def consumer(record):
        got.append(record)
        if len(got) == 100:  # first page consumed: PMB forgets its tokens
            standin.expire_tokens()

    report = Harvester(OAIClient(standin.url)).harvest(consumer)
    assert report.status == "ok", report.errors
    assert report.restarts == 1 and len(report.warnings) == 1
    ids = [r.identifier for r in got]
    assert len(ids) == 250 and len(set(ids)) == 250
    assert report.duplicates == 1  # the 100th notice, sent again from its datestamp
    restart = list_requests(standin)[2]
    assert restart["from"] == got[99].datestamp and "resumptionToken" not in restart


def test_token_expiring_with_time(records):
    with PMBStandIn(records, token_ttl=0.3) as standin:
        got = []

        def slow_consumer(record):
            got.append(record)
            # the last notice of a page (after a restart, pages start again
            # on the notice they restart from): dawdle past the token's life
            if record.identifier in ("oai:cosoter:1100", "oai:cosoter:1199"):
                time.sleep(0.5)

        report = Harvester(OAIClient(standin.url)).harvest(slow_consumer)
    assert report.status == "ok"
    assert report.restarts == 2
    assert len({r.identifier for r in got}) == 250 == report.records


def test_deleted_record_with_persistent_deletion(records):
    with PMBStandIn(records[:30], deleted_record="persistent") as standin:
        standin.delete("1005", datetime(2024, 6, 1, tzinfo=UTC))
        got = []
        report = Harvester(OAIClient(standin.url)).harvest(got.append)
    assert (report.records, report.deleted) == (30, 1)
    last = got[-1]
    assert (last.identifier, last.deleted, last.metadata_element) == (
        "oai:cosoter:1005",
        True,
        None,
    )
    assert last.datestamp == "2024-06-01T00:00:00Z"


def test_503_retry_after_is_honoured(standin, no_sleep):
    standin.fail(503, retry_after="7", verb="ListRecords", with_token=True)
    http_date = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    standin.fail(503, retry_after=http_date, verb="Identify")
    standin.fail(503, retry_after="86400", verb="ListMetadataFormats")
    client = OAIClient(standin.url, sleep=no_sleep, max_retry_after=120)
    report = Harvester(client).harvest(lambda r: None)
    assert report.status == "ok" and report.records == 250
    assert report.retries == 3
    assert 85 <= no_sleep.calls[0] <= 90  # HTTP date
    assert no_sleep.calls[1:] == [120, 7]  # capped, then seconds


def test_503_retry_after_really_waits(standin):
    standin.fail(503, retry_after="1", verb="Identify")
    started = time.monotonic()
    report = Harvester(OAIClient(standin.url)).harvest(lambda r: None)
    assert report.status == "ok" and report.retries == 1
    assert time.monotonic() - started >= 1.0


def test_5xx_is_retried_with_exponential_backoff(standin, no_sleep):
    standin.fail(500, times=3, verb="ListRecords", with_token=True)
    client = OAIClient(standin.url, sleep=no_sleep, backoff=0.5)
    report = Harvester(client).harvest(lambda r: None)
    assert report.status == "ok" and report.records == 250
    assert no_sleep.calls == [0.5, 1.0, 2.0]


def test_retries_run_out(standin, no_sleep):
    standin.fail(502, times=10, verb="ListRecords", with_token=True)
    got = []
    client = OAIClient(standin.url, sleep=no_sleep, max_retries=3)
    report = Harvester(client).harvest(got.append)
    assert report.status == "failed" and report.errors[0]["type"] == TransportError.__name__
    assert "ne répond pas" in report.errors[0]["message"]
    assert len(got) == 100 == report.records  # what came before the failure is kept
    assert len(no_sleep.calls) == 3


def test_slow_response_times_out_then_is_retried(standin, no_sleep):
    standin.slow(1.0, verb="ListRecords", with_token=True)
    client = OAIClient(standin.url, sleep=no_sleep, timeout=0.3)
    report = Harvester(client).harvest(lambda r: None)
    assert report.status == "ok" and report.records == 250 and report.retries == 1


def test_oai_error_with_http_422(standin):
    standin.oai_error("badArgument", status=422, verb="ListRecords")
    report = Harvester(OAIClient(standin.url)).harvest(lambda r: None)
    assert report.status == "failed"
    assert report.errors[0]["type"] == OAIProtocolError.__name__
    assert report.errors[0]["codes"] == ["badArgument"]


def test_no_records_match_is_an_empty_harvest(standin):
    report = Harvester(OAIClient(standin.url), from_="2030-01-01").harvest(lambda r: None)
    assert (report.status, report.records, report.errors) == ("empty", 0, [])
    standin.oai_error("noRecordsMatch", status=422, verb="ListRecords")
    report = Harvester(OAIClient(standin.url)).harvest(lambda r: None)
    assert (report.status, report.records) == ("empty", 0)


def test_incremental_harvest_takes_only_newer_records(standin, tmp_path):
    state = HarvestState(tmp_path / "state.json")
    first = Harvester(OAIClient(standin.url), state=state).harvest(lambda r: None)
    assert first.records == 250
    # a new notice, one modified, and one stamped in the same second as the last one
    last = datetime(2024, 3, 1, 8, 4, 9, tzinfo=UTC)
    assert first.last_datestamp == "2024-03-01T08:04:09Z"
    standin.add(make_record(251), last)
    standin.add(make_record(7), last + timedelta(hours=1))
    standin.add(make_record(300), last + timedelta(hours=2))
    got = []
    second = Harvester(OAIClient(standin.url), state=HarvestState(tmp_path / "state.json")).harvest(
        got.append
    )
    assert [r.identifier for r in got] == [
        "oai:cosoter:1251",
        "oai:cosoter:1007",
        "oai:cosoter:1300",
    ]
    assert second.from_ == "2024-03-01T08:04:09Z" and second.already_harvested == 1
    third = Harvester(OAIClient(standin.url), state=HarvestState(tmp_path / "state.json")).harvest(
        got.append
    )
    assert third.records == 0 and third.already_harvested == 1 and third.status == "empty"


def test_sets_are_checked(standin):
    report = Harvester(OAIClient(standin.url), sets=["savoirs"]).harvest(lambda r: None)
    assert report.status == "failed"
    assert "ensembles" in report.errors[0]["message"]


def test_post_method(standin):
    report = Harvester(OAIClient(standin.url, method="POST")).harvest(lambda r: None)
    assert report.records == 250
    assert {m for m, _ in standin.requests} == {"POST"}


def test_report_is_json_ready(standin):
    import json

    report = Harvester(OAIClient(standin.url)).harvest(lambda r: None)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["records"] == 250 and data["from"] is None and data["status"] == "ok"


def test_pmb_default_deletion_just_drops_the_notice(records):
    with PMBStandIn(records[:30]) as standin:
        identify = OAIClient(standin.url).request("Identify").body
        assert identify.findtext("{http://www.openarchives.org/OAI/2.0/}deletedRecord") == "no"
        standin.delete("1005", datetime(2024, 6, 1, tzinfo=UTC))
        got = []
        report = Harvester(OAIClient(standin.url)).harvest(got.append)
    assert (report.records, report.deleted) == (29, 0)
    assert "oai:cosoter:1005" not in {r.identifier for r in got}
