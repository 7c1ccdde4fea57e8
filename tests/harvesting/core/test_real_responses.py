"""The harvester against real OAI-PMH responses written by other software
(DSpace, sickle's samples, the DNB), served over HTTP from tests/data/oai."""

import pytest
from lxml import etree

from rt.infodoc.harvesting.core.client import OAIClient
from rt.infodoc.harvesting.core.errors import HTTPStatusError
from rt.infodoc.harvesting.core.errors import MalformedResponseError
from rt.infodoc.harvesting.core.errors import NotXMLError
from rt.infodoc.harvesting.core.errors import OAIProtocolError
from rt.infodoc.harvesting.core.harvester import Harvester
from rt.infodoc.oaiprovider.engine.metadata import OAI_DC
from rt.infodoc.oaiprovider.engine.provider import Provider
from rt.infodoc.oaiprovider.engine.repository import MemoryRepository
from rt.infodoc.oaiprovider.engine.repository import MetadataFormat

from .conftest import DATA
from .conftest import pyoai_resolver

SICKLE = DATA / "sickle_samples"
MARC21 = "{http://www.loc.gov/MARC21/slim}"


def by_verb(table, tokens=None):
    """Answer by verb only (other arguments ignored); tokens name files."""

    def resolve(pairs):
        args = dict(pairs)
        if "resumptionToken" in args:
            return (tokens or {}).get(args["resumptionToken"])
        return table.get(args.get("verb"))

    return resolve


def test_dspace_list_records_81_with_2_deleted(file_server):
    server = file_server(pyoai_resolver("fake1", "fake2"))
    got = []
    report = Harvester(OAIClient(server.url), from_="2004-01-01T00:00:00Z").harvest(got.append)
    assert report.status == "ok", report.errors
    assert (report.records, report.deleted, report.pages) == (81, 2, 1)
    assert len({r.identifier for r in got}) == 81
    assert all(r.identifier.startswith("hdl:1765/") for r in got)
    deleted = [r for r in got if r.deleted]
    assert all(r.metadata_element is None for r in deleted)
    live = [r for r in got if not r.deleted]
    assert all(
        r.metadata_element.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc" for r in live
    )
    assert report.prefix == "oai_dc"


@pytest.mark.parametrize(
    "folder,error,words",
    [
        ("fake3", NotXMLError, "tag mismatch: bogus"),  # unclosed <bogus> wrapper
        ("fake4", NotXMLError, "Entity 'bogus' not defined"),
        ("fake5", MalformedResponseError, "earliestDatestamp invalide"),
    ],
)
def test_broken_dspace_responses_give_clear_errors(file_server, folder, error, words):
    server = file_server(pyoai_resolver(folder))
    report = Harvester(OAIClient(server.url)).harvest(lambda r: None)
    assert report.status == "failed" and report.records == 0
    assert report.errors[0]["type"] == error.__name__
    assert words in report.errors[0]["message"]


def test_sickle_token_chain_and_bad_record(file_server):
    server = file_server(
        by_verb(
            {
                "Identify": SICKLE / "Identify.xml",
                "ListMetadataFormats": SICKLE / "ListMetadataFormats.xml",
                "ListRecords": SICKLE / "ListRecords.xml",
            },
            tokens={
                name: SICKLE / name
                for name in ("ListRecords2.xml", "ListRecords3.xml", "ListRecords4.xml")
            },
        )
    )
    got = []
    report = Harvester(OAIClient(server.url)).harvest(got.append)
    assert report.status == "ok" and report.pages == 4
    # ListRecords4 has a header without identifier nor datestamp: reported, not lost silently
    assert report.bad_records == [{"page": 4, "position": 1, "reason": "en-tête sans identifiant"}]
    # the pages repeat the same records: each identifier+datestamp is delivered once
    assert report.duplicates > 0
    assert len({(r.identifier, r.datestamp) for r in got}) == len(got) == report.records
    assert report.deleted == sum(r.deleted for r in got) >= 1


@pytest.mark.parametrize(
    "name,code",
    [
        ("badArgument", "badArgument"),
        ("cannotDisseminateFormat", "cannotDisseminateFormat"),
        ("idDoesNotExist", "idDoesNotExist"),
        ("noSetHierarchy", "noSetHierarchy"),
        ("badResumptionToken", "badResumptionToken"),
        ("noRecordsMatch", "noRecordsMatch"),
        ("undefinedError", "undefinedError"),
    ],
)
def test_every_error_sample_is_read(file_server, name, code):
    server = file_server(lambda pairs: SICKLE / f"{name}.xml")
    with pytest.raises(OAIProtocolError) as caught:
        OAIClient(server.url).request("GetRecord", identifier="x", metadataPrefix="oai_dc")
    assert caught.value.codes == [code]
    assert code in str(caught.value)


def test_error_samples_in_a_harvest(file_server):
    table = {
        "Identify": SICKLE / "Identify.xml",
        "ListMetadataFormats": SICKLE / "ListMetadataFormats.xml",
        "ListRecords": SICKLE / "noRecordsMatch.xml",
        "ListSets": SICKLE / "noSetHierarchy.xml",
    }
    server = file_server(by_verb(table))
    report = Harvester(OAIClient(server.url)).harvest(lambda r: None)
    assert (report.status, report.records) == ("empty", 0)
    report = Harvester(OAIClient(server.url), sets=["bi"]).harvest(lambda r: None)
    assert report.status == "failed" and "ensembles" in report.errors[0]["message"]
    table["ListRecords"] = SICKLE / "cannotDisseminateFormat.xml"
    report = Harvester(OAIClient(server.url)).harvest(lambda r: None)
    assert report.errors[0]["codes"] == ["cannotDisseminateFormat"]


def test_response_for_another_verb(file_server):
    server = file_server(lambda pairs: SICKLE / "Identify.xml")
    with pytest.raises(MalformedResponseError, match="sans élément <ListRecords>"):
        OAIClient(server.url).request("ListRecords", metadataPrefix="oai_dc")


def test_non_xml_body(file_server):
    server = file_server(lambda pairs: SICKLE / "ListRecordsBroken.xml")
    with pytest.raises(NotXMLError, match="broken xml"):
        OAIClient(server.url).request("Identify")


def test_html_404_is_a_clear_http_error(file_server):
    server = file_server(lambda pairs: None)
    with pytest.raises(HTTPStatusError) as caught:
        OAIClient(server.url).request("Identify")
    assert caught.value.status == 404 and "HTTP 404" in str(caught.value)


def test_dnb_marc21_page_with_token(file_server, tmp_path):
    # Identify from sickle's sample; ListMetadataFormats written by our provider
    formats = tmp_path / "formats.xml"
    repo = MemoryRepository(
        formats=[
            OAI_DC,
            MetadataFormat(
                "MARC21-xml",
                "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd",
                "http://www.loc.gov/MARC21/slim",
            ),
        ]
    )
    formats.write_bytes(Provider(repo, secret=b"x").handle([("verb", "ListMetadataFormats")]))
    server = file_server(
        by_verb(
            {
                "Identify": SICKLE / "Identify.xml",
                "ListMetadataFormats": formats,
                "ListRecords": DATA / "dnb_zdb" / "ListRecords_MARC21-xml_zdb.xml",
            }
        )
    )
    got = []
    report = Harvester(OAIClient(server.url), from_="2012-08-02").harvest(got.append)
    assert report.prefix == "MARC21-xml"  # marc preferred over oai_dc
    assert report.records == len(got) == 50
    assert report.complete_list_size == 809
    # the next page is not in the files: the server answers 404, the 50 are kept
    assert report.status == "failed" and "HTTP 404" in report.errors[0]["message"]
    assert dict(server.requests[-1])["resumptionToken"] == "26476570_50"
    schema = etree.XMLSchema(etree.parse(str(DATA / "schemas" / "MARC21slim.xsd")))
    for record in got:
        assert schema.validate(record.metadata_element), schema.error_log
        control = record.metadata_element.find(f"{MARC21}controlfield[@tag='001']").text
        assert record.identifier == f"oai:d-nb.de/zdb/{control}"
        assert record.sets == ("zdb",)


def test_dspace_list_identifiers_and_records(file_server):
    server = file_server(pyoai_resolver("fake1"))
    for verb, name in (("ListIdentifiers", "00003.xml"), ("ListRecords", "00005.xml")):
        raw = (DATA / "pyoai_dspace_erasmus" / "fake1" / name).read_bytes()
        got = []
        report = Harvester(OAIClient(server.url), verb=verb, from_="2003-04-10T00:00:00Z").harvest(
            got.append
        )
        assert report.status == "ok", report.errors
        assert report.records == raw.count(b"<header") == len({r.identifier for r in got})
        if verb == "ListIdentifiers":
            assert all(r.metadata_element is None for r in got)
        else:
            assert all(r.metadata_element is not None for r in got)


def test_sickle_identifiers_chain_and_sets(file_server):
    table = {
        "Identify": SICKLE / "Identify.xml",
        "ListMetadataFormats": SICKLE / "ListMetadataFormats.xml",
        "ListSets": SICKLE / "ListSets.xml",
        "ListIdentifiers": SICKLE / "ListIdentifiers.xml",
    }
    server = file_server(by_verb(table, {"ListIdentifiers2.xml": SICKLE / "ListIdentifiers2.xml"}))
    got = []
    report = Harvester(OAIClient(server.url), verb="ListIdentifiers", sets=["bi"]).harvest(
        got.append
    )
    assert report.status == "ok" and report.pages == 2
    assert report.complete_list_size == 4 and report.records + report.duplicates == 4
    assert report.deleted == sum(r.deleted for r in got) >= 1
    report = Harvester(OAIClient(server.url), sets=["pas-un-ensemble"]).harvest(got.append)
    assert report.status == "failed" and "pas-un-ensemble" in report.errors[0]["message"]


def test_get_record_keeps_utf8(file_server):
    server = file_server(lambda pairs: SICKLE / "GetRecord_utf8test.xml")
    body = (
        OAIClient(server.url)
        .request("GetRecord", identifier="oai:test.example.com:1996652", metadataPrefix="oai_dc")
        .body
    )
    raw = (SICKLE / "GetRecord_utf8test.xml").read_text("utf-8")
    texts = [
        e.text for e in body.iter() if isinstance(e.tag, str) and e.text and not e.text.isascii()
    ]
    assert texts and all(t in raw for t in texts)
