"""The provider engine: six verbs, every error code, paging, filtering.

Every response goes through the official OAI-PMH 2.0 schema (``call`` fixture).
"""

import re
from datetime import timedelta

import pytest
from lxml import etree

from rt.infodoc.oaiprovider.engine.metadata import OAI_DC
from rt.infodoc.oaiprovider.engine.provider import Provider
from rt.infodoc.oaiprovider.engine.repository import MemoryRepository

from .conftest import NS
from .conftest import OAI
from .conftest import SECRET
from .conftest import START
from .conftest import build_repository
from .conftest import error_codes
from .conftest import identifiers

DC = "{http://purl.org/dc/elements/1.1/}"


def request_attrs(root):
    return dict(root.find("oai:request", NS).attrib)


def token_of(root):
    return root.find(".//oai:resumptionToken", NS)


def harvest_all(call, provider, verb="ListRecords", **args):
    """Follow tokens; return (pages, identifiers)."""
    pages, ids = [], []
    root = call(provider, verb=verb, metadataPrefix="oai_dc", **args)
    while True:
        pages.append(root)
        ids.extend(h.findtext("oai:identifier", namespaces=NS) for h in root.iter(f"{OAI}header"))
        token = token_of(root)
        if token is None or not token.text:
            return pages, ids
        root = call(provider, verb=verb, resumptionToken=token.text)


# -- Identify, ListMetadataFormats, ListSets ---------------------------------------------
def test_identify(call, provider):
    root = call(provider, verb="Identify")
    body = root.find("oai:Identify", NS)
    assert body.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert body.findtext("oai:earliestDatestamp", namespaces=NS) == "2024-01-01T08:01:00Z"
    assert body.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert body.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert request_attrs(root) == {"verb": "Identify"}
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", root.findtext("oai:responseDate", namespaces=NS)
    )


def test_list_metadata_formats(call, provider):
    root = call(provider, verb="ListMetadataFormats")
    prefixes = [e.text for e in root.iter(f"{OAI}metadataPrefix")]
    assert prefixes == ["oai_dc", "pmb_xml_unimarc"]
    # notice 1 was loaded with oai_dc only
    root = call(provider, verb="ListMetadataFormats", identifier="oai:rt-infodoc:notice-001")
    assert [e.text for e in root.iter(f"{OAI}metadataPrefix")] == ["oai_dc"]
    assert request_attrs(root)["identifier"] == "oai:rt-infodoc:notice-001"


def test_list_metadata_formats_errors(call, provider, repository):
    root = call(provider, verb="ListMetadataFormats", identifier="oai:rt-infodoc:absent")
    assert error_codes(root) == ["idDoesNotExist"]
    assert request_attrs(root) == {
        "verb": "ListMetadataFormats",
        "identifier": "oai:rt-infodoc:absent",
    }
    repository.add("oai:rt-infodoc:vide", START, metadata={})
    root = call(provider, verb="ListMetadataFormats", identifier="oai:rt-infodoc:vide")
    assert error_codes(root) == ["noMetadataFormats"]


def test_list_sets(call, provider):
    root = call(provider, verb="ListSets")
    assert [e.text for e in root.iter(f"{OAI}setSpec")] == [
        "savoirs",
        "savoirs:illettrisme",
        "ville",
    ]
    assert error_codes(call(provider, verb="ListSets", resumptionToken="x")) == [
        "badResumptionToken"
    ]


def test_no_set_hierarchy(call):
    provider = Provider(build_repository(5, sets=False), secret=SECRET)
    assert error_codes(call(provider, verb="ListSets")) == ["noSetHierarchy"]
    root = call(provider, verb="ListRecords", metadataPrefix="oai_dc", set="savoirs")
    assert error_codes(root) == ["noSetHierarchy"]


# -- GetRecord -------------------------------------------------------------------------------
def test_get_record(call, provider):
    root = call(
        provider, verb="GetRecord", identifier="oai:rt-infodoc:notice-004", metadataPrefix="oai_dc"
    )
    record = root.find("oai:GetRecord/oai:record", NS)
    assert record.findtext("oai:header/oai:datestamp", namespaces=NS) == "2024-01-01T08:04:00Z"
    assert [e.text for e in record.iter(f"{OAI}setSpec")] == ["savoirs"]
    assert record.findtext(f".//{DC}title") == "Éducation populaire et médiation n° 4"
    assert request_attrs(root) == {
        "verb": "GetRecord",
        "metadataPrefix": "oai_dc",
        "identifier": "oai:rt-infodoc:notice-004",
    }


def test_get_deleted_record_has_status_and_no_metadata(call, provider):
    root = call(
        provider, verb="GetRecord", identifier="oai:rt-infodoc:notice-007", metadataPrefix="oai_dc"
    )
    record = root.find("oai:GetRecord/oai:record", NS)
    assert record.find("oai:header", NS).get("status") == "deleted"
    assert record.find("oai:metadata", NS) is None


def test_get_record_errors(call, provider):
    root = call(
        provider, verb="GetRecord", identifier="oai:rt-infodoc:nope", metadataPrefix="oai_dc"
    )
    assert error_codes(root) == ["idDoesNotExist"]
    root = call(
        provider,
        verb="GetRecord",
        identifier="oai:rt-infodoc:notice-004",
        metadataPrefix="pmb_xml_unimarc",
    )  # known format, not for this notice
    assert error_codes(root) == ["cannotDisseminateFormat"]
    root = call(
        provider, verb="GetRecord", identifier="oai:rt-infodoc:notice-004", metadataPrefix="marc21"
    )
    assert error_codes(root) == ["cannotDisseminateFormat"]


# -- protocol errors and the <request> echo ------------------------------------------------------
@pytest.mark.parametrize(
    "pairs,code",
    [
        ([], "badVerb"),
        ([("verb", "Moissonner")], "badVerb"),
        ([("verb", "Identify"), ("verb", "ListSets")], "badVerb"),
        ([("verb", "Identify"), ("metadataPrefix", "oai_dc")], "badArgument"),
        (
            [("verb", "ListRecords"), ("metadataPrefix", "oai_dc"), ("metadataPrefix", "x")],
            "badArgument",
        ),
        (
            [
                ("verb", "ListRecords"),
                ("metadataPrefix", "oai_dc"),
                ("from", "2024-01-01"),
                ("until", "2024-01-02T00:00:00Z"),
            ],
            "badArgument",
        ),
        (
            [
                ("verb", "ListRecords"),
                ("metadataPrefix", "oai_dc"),
                ("from", "2024-02-01"),
                ("until", "2024-01-01"),
            ],
            "badArgument",
        ),
        ([("verb", "ListIdentifiers"), ("resumptionToken", "x"), ("set", "a")], "badArgument"),
        ([("verb", "ListIdentifiers"), ("resumptionToken", "v1.e30.AAAA")], "badResumptionToken"),
        ([("verb", "ListRecords"), ("metadataPrefix", "marc21")], "cannotDisseminateFormat"),
        (
            [("verb", "ListRecords"), ("metadataPrefix", "oai_dc"), ("from", "2030-01-01")],
            "noRecordsMatch",
        ),
        (
            [("verb", "ListIdentifiers"), ("metadataPrefix", "oai_dc"), ("set", "inconnu")],
            "noRecordsMatch",
        ),
    ],
)
def test_error_codes(call, provider, pairs, code):
    root = call(provider, *pairs)
    assert set(error_codes(root)) == {code}
    if code in ("badVerb", "badArgument"):
        assert request_attrs(root) == {}  # no attributes echoed for these errors
    else:
        assert request_attrs(root) == {k: v for k, v in pairs}
    assert root.find("oai:request", NS).text == "http://127.0.0.1/oai"


def test_several_bad_arguments_give_several_errors(call, provider):
    root = call(provider, verb="GetRecord", foo="1")
    assert error_codes(root) == ["badArgument"] * 3


# -- lists, paging and tokens ---------------------------------------------------------------------
@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_paging_with_cursor_and_complete_list_size(call, provider, repository, verb):
    pages, ids = harvest_all(call, provider, verb)
    assert len(pages) == 3
    tokens = [token_of(p) for p in pages]
    assert [t.get("cursor") for t in tokens] == ["0", "10", "20"]
    assert {t.get("completeListSize") for t in tokens} == {"25"}
    assert tokens[-1].text is None  # the last part has an empty token
    expected = [h.identifier for h in repository.query(None, None, None, limit=1000)]
    assert ids == expected and len(set(ids)) == 25


def test_list_records_metadata_and_deleted_header(call, provider):
    pages, _ = harvest_all(call, provider)
    records = [r for p in pages for r in p.iter(f"{OAI}record")]
    deleted = [r for r in records if r.find("oai:header", NS).get("status") == "deleted"]
    assert [d.findtext("oai:header/oai:identifier", namespaces=NS) for d in deleted] == [
        "oai:rt-infodoc:notice-007"
    ]
    assert deleted[0].find("oai:metadata", NS) is None
    live = [r for r in records if r not in deleted]
    assert all(
        r.find("oai:metadata/{http://www.openarchives.org/OAI/2.0/oai_dc/}dc", NS) is not None
        for r in live
    )


def test_single_page_list_has_no_token(call, repository):
    provider = Provider(repository, secret=SECRET, page_size=100)
    root = call(provider, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert token_of(root) is None and len(identifiers(root)) == 25


def test_token_survives_restart_and_other_clients(call, repository):
    first = Provider(repository, secret=SECRET, page_size=10)
    token = token_of(call(first, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    other = Provider(repository, secret=SECRET, page_size=10)  # another Zope client
    root = call(other, verb="ListIdentifiers", resumptionToken=token)
    assert identifiers(root)[0] == "oai:rt-infodoc:notice-011"
    stranger = Provider(repository, secret=b"autre secret", page_size=10)
    assert error_codes(call(stranger, verb="ListIdentifiers", resumptionToken=token)) == [
        "badResumptionToken"
    ]


def test_tampered_or_misused_token_is_refused(call, provider):
    token = token_of(call(provider, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    assert error_codes(call(provider, verb="ListRecords", resumptionToken=token)) == [
        "badResumptionToken"
    ]
    forged = token[:10] + ("x" if token[10] != "x" else "y") + token[11:]
    assert error_codes(call(provider, verb="ListIdentifiers", resumptionToken=forged)) == [
        "badResumptionToken"
    ]


def test_expiring_tokens(call, repository):
    clock = [1_000_000.0]
    provider = Provider(
        repository, secret=SECRET, page_size=10, token_max_age=600, clock=lambda: clock[0]
    )
    token = token_of(call(provider, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    clock[0] += 601
    assert error_codes(call(provider, verb="ListIdentifiers", resumptionToken=token)) == [
        "badResumptionToken"
    ]


def test_records_changed_during_a_harvest_are_not_lost(call, provider, repository):
    root = call(provider, verb="ListIdentifiers", metadataPrefix="oai_dc")
    # notice 3 (already sent) and 15 (not yet sent) are modified between pages
    later = START + timedelta(days=1)
    for n in (3, 15):
        repository.add(f"oai:rt-infodoc:notice-{n:03d}", later, {"oai_dc": b"<x xmlns='urn:x'/>"})
    ids = identifiers(root)
    while token_of(root) is not None and token_of(root).text:
        root = call(provider, verb="ListIdentifiers", resumptionToken=token_of(root).text)
        ids.extend(identifiers(root))
    assert set(ids) == {f"oai:rt-infodoc:notice-{n:03d}" for n in range(1, 26)}
    assert ids[-2:] == ["oai:rt-infodoc:notice-003", "oai:rt-infodoc:notice-015"]


# -- selective harvesting -------------------------------------------------------------------
def test_from_until_second_granularity(call, provider):
    root = call(
        provider,
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        from_="2024-01-01T08:05:00Z",
        until="2024-01-01T08:09:00Z",
    )
    assert identifiers(root) == [f"oai:rt-infodoc:notice-{n:03d}" for n in range(5, 10)]
    assert request_attrs(root)["from"] == "2024-01-01T08:05:00Z"


def test_from_until_day_granularity_is_inclusive(call, provider):
    _, ids = harvest_all(call, provider, "ListIdentifiers", from_="2024-01-01", until="2024-01-01")
    assert len(ids) == 25
    root = call(provider, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2023-12-31")
    assert error_codes(root) == ["noRecordsMatch"]


def test_set_includes_its_subsets(call, provider):
    _, ids = harvest_all(call, provider, "ListIdentifiers", set="savoirs")
    numbers = sorted(int(i[-3:]) for i in ids)
    assert numbers == [n for n in range(1, 26) if n % 2 == 0 or n % 3 == 0]
    _, ids = harvest_all(call, provider, "ListIdentifiers", set="savoirs:illettrisme")
    assert sorted(int(i[-3:]) for i in ids) == [n for n in range(1, 26) if n % 3 == 0]


def test_token_keeps_set_and_dates(call, provider):
    pages, ids = harvest_all(
        call,
        provider,
        "ListIdentifiers",
        set="savoirs",
        from_="2024-01-01T08:02:00Z",
        until="2024-01-01T08:24:00Z",
    )
    assert sorted(int(i[-3:]) for i in ids) == [n for n in range(2, 25) if n % 2 == 0 or n % 3 == 0]
    assert len(pages) == 2


# -- metadata splicing ---------------------------------------------------------------------------
def test_metadata_bytes_are_spliced_as_given(call):
    repo = MemoryRepository(formats=[OAI_DC])
    prebuilt = (
        "<?xml version='1.0' encoding='UTF-8'?>\n<oai_dc:dc xmlns:oai_dc="
        '"http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc='
        '"http://purl.org/dc/elements/1.1/"><dc:title>Égalité &amp; '
        "laïcité &lt;2024&gt;</dc:title><!--oai-splice:0--></oai_dc:dc>"
    ).encode()
    repo.add("oai:x:1", START, {"oai_dc": prebuilt})
    repo.add("oai:x:2", START, {"oai_dc": etree.fromstring(prebuilt)})
    provider = Provider(repo, secret=SECRET)
    body = provider.handle([("verb", "ListRecords"), ("metadataPrefix", "oai_dc")])
    titles = [t.text for t in etree.fromstring(body).iter(f"{DC}title")]
    assert titles == ["Égalité & laïcité <2024>"] * 2
    assert body.count(b"<?xml") == 1
    call(provider, verb="ListRecords", metadataPrefix="oai_dc")  # schema-valid
