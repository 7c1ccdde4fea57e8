"""Records and headers written as bytes read back as the values they were given;
values lxml would write otherwise (or refuse) take lxml's own path."""

from datetime import timedelta

import pytest
from lxml import etree

from rt.infodoc.oaiprovider.engine.metadata import oai_dc
from rt.infodoc.oaiprovider.engine.repository import Header
from rt.infodoc.oaiprovider.engine.responses import Response

from .conftest import NS
from .conftest import OAI
from .conftest import START

ODD = ["a&b<c>d", "tab\there", "line\r\nbreak", "é\u2028\x85", "quote\"'", ""]


def _records(headers, metadata=None):
    response = Response("http://127.0.0.1/oai", {"verb": "ListRecords"}, response_date=START)
    body = response.verb("ListRecords")
    for header in headers:
        response.record(body, header, None if header.deleted else metadata)
    response.resumption_token(body, "jeton", 10, 0)
    return response.to_bytes()


def _read(body):
    root = etree.fromstring(body)
    return [
        (
            h.findtext("oai:identifier", namespaces=NS),
            h.findtext("oai:datestamp", namespaces=NS),
            tuple(s.text or "" for s in h.findall("oai:setSpec", NS)),
            h.get("status"),
        )
        for h in root.iter(f"{OAI}header")
    ]


@pytest.mark.parametrize("odd", ODD)
def test_every_value_reads_back_in_order(odd):
    headers = [
        Header(f"oai:rt-infodoc:{i}", START + timedelta(seconds=i), ("savoirs",)) for i in range(3)
    ]
    headers.insert(1, Header(f"oai:x:{odd}", START, (odd, "ville"), deleted=True))
    headers.append(Header("oai:rt-infodoc:9", START, ()))
    body = _records(headers, oai_dc({"title": "Éducation & médiation"}))
    root = etree.fromstring(body)
    assert _read(body) == [
        (
            h.identifier,
            h.datestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            h.sets,
            "deleted" if h.deleted else None,
        )
        for h in headers
    ]
    records = root.findall("oai:ListRecords/oai:record", NS)
    assert [r.find("oai:metadata", NS) is None for r in records] == [
        False,
        True,
        False,
        False,
        False,
    ]
    assert (
        records[0].findtext(f"{OAI}metadata/*/{{http://purl.org/dc/elements/1.1/}}title")
        == "Éducation & médiation"
    )
    token = root.find("oai:ListRecords/oai:resumptionToken", NS)
    assert token is root.find("oai:ListRecords", NS)[-1] and token.text == "jeton"


def test_a_value_xml_cannot_hold_is_refused_as_lxml_refuses_it():
    with pytest.raises(ValueError):
        _records([Header("oai:x:\x01", START)])
    with pytest.raises(ValueError):
        _records([Header("oai:x:1", START, ("a\x00",))])


def test_metadata_elements_and_declarations_are_spliced_once():
    element = etree.fromstring(b"<m xmlns='urn:m'><t>\xc3\xa9</t></m>")
    headers = [Header("oai:x:1", START), Header("oai:x:2", START)]
    response = Response("http://127.0.0.1/oai", {"verb": "ListRecords"}, response_date=START)
    body = response.verb("ListRecords")
    response.record(body, headers[0], element)
    response.record(body, headers[1], b'<?xml version="1.0" encoding="UTF-8"?>\n<m xmlns="urn:m"/>')
    data = response.to_bytes()
    assert data.count(b"<?xml") == 1
    metadata = etree.fromstring(data).findall("oai:ListRecords/oai:record/oai:metadata", NS)
    assert [len(m) for m in metadata] == [1, 1]
    assert metadata[0][0].findtext("{urn:m}t") == "é"
