"""Serialisers: ISO 2709, UNIMARC slim, PMB XML, MARCXML (validated against the real schemas)."""

import datetime
import io
import pathlib

import pymarc
import pytest
from lxml import etree
from pymarc import Field
from pymarc import Indicators
from pymarc import Record
from pymarc import Subfield

from rt.infodoc.demo.fund import generate_records
from rt.infodoc.marc.writers import MARC21_SLIM_NS
from rt.infodoc.marc.writers import PMB_NS
from rt.infodoc.marc.writers import UNIMARC_SLIM_NS
from rt.infodoc.marc.writers import MarcWriteError
from rt.infodoc.marc.writers import marcxml_collection
from rt.infodoc.marc.writers import notice_to_unimarc
from rt.infodoc.marc.writers import pmb_xml_collection
from rt.infodoc.marc.writers import to_iso2709
from rt.infodoc.marc.writers import to_marcxml
from rt.infodoc.marc.writers import to_pmb_xml
from rt.infodoc.marc.writers import to_unimarc_slim
from rt.infodoc.marc.writers import unimarc_slim_collection
from rt.infodoc.marc.writers import unimarc_to_marc21

DATA = pathlib.Path(__file__).parent.parent / "data"
ENTERED = datetime.date(2024, 3, 1)
NOTICE = {
    "title": "L'égalité femmes-hommes à l'école",
    "subtitle": "guide & repères « pratiques »",
    "authors": [{"name": "Fabre, Élodie", "role": "Auteur", "kind": "person", "function": "070"}],
    "place": "Toulouse",
    "publisher": "ERES",
    "year": 2019,
    "isbn": ["978-2-7492-6347-3"],
    "summary": "Ligne 1 <b>non-HTML</b>\r\nligne 2",
    "descriptors": ["Genre", "École"],
    "document_type": "ouvrage",
    "themes": ["egalite-femmes-hommes"],
    "cosoter_id": "42",
    "items": [
        {"barcode": "RT000042", "call_number": "305.4 FAB", "site": "albi", "status": "Empruntable"}
    ],
}


def schema(name):
    return etree.XMLSchema(etree.parse(str(DATA / "schemas" / name)))


@pytest.fixture(scope="module")
def fund_records():
    return [record for _, record in generate_records(300)]


def field_tuples(record):
    return [
        (f.tag, f.data)
        if f.is_control_field()
        else (f.tag, f.indicator1, f.indicator2, [(s.code, s.value) for s in f.subfields])
        for f in record.fields
    ]


def read_back(data, **options):
    return [r for r in pymarc.MARCReader(io.BytesIO(data), **options) if r is not None]


# ISO 2709 ------------------------------------------------------------------------------


def test_iso2709_lengths_and_leader_are_right():
    record = notice_to_unimarc(NOTICE, date_entered=ENTERED)
    data = to_iso2709(record)
    assert int(data[0:5]) == len(data)
    base = int(data[12:17])
    assert data[base - 1 : base] == b"\x1e" and data.endswith(b"\x1d")
    assert data[5:12] == b"nam0 22" and data[20:24] == b"450 "
    assert (len(data[24 : base - 1])) == 12 * len(record.fields)
    assert "égalité".encode() in data


def test_iso2709_read_back_by_plain_pymarc_gives_the_same_fields():
    record = notice_to_unimarc(NOTICE, date_entered=ENTERED)
    [again] = read_back(to_iso2709(record), to_unicode=True, force_utf8=True)
    assert field_tuples(again) == field_tuples(record)
    assert str(again.leader)[5:12] == str(record.leader)[5:12] == "nam0 22"
    assert str(again.leader)[17:] == str(record.leader)[17:] == "1i 450 "


def test_iso2709_round_trips_a_real_third_party_marc21_file():
    original = read_back((DATA / "marc" / "marc4j_pride-and-prejudice-fixed.mrc").read_bytes())
    assert len(original) == 383
    written = b"".join(to_iso2709(r) for r in original)
    again = read_back(written)  # no option: pymarc must find leader/09 "a" by itself
    assert [field_tuples(r) for r in again] == [field_tuples(r) for r in original]
    assert all(str(r.leader)[9] == "a" for r in again)


def test_iso2709_refuses_structural_characters_and_oversized_fields():
    record = Record()
    record.add_field(
        Field(tag="245", indicators=Indicators("0", "0"), subfields=[Subfield("a", "a\x1eb")])
    )
    with pytest.raises(MarcWriteError, match="caractère de structure"):
        to_iso2709(record)
    record = Record()
    record.add_field(
        Field(tag="520", indicators=Indicators(" ", " "), subfields=[Subfield("a", "x" * 10000)])
    )
    with pytest.raises(MarcWriteError, match="9 999 octets"):
        to_iso2709(record)


# UNIMARC slim --------------------------------------------------------------------------


def test_unimarc_slim_is_valid_and_carries_the_fields(fund_records):
    validator = schema("unimarcslim.xsd")
    element = to_unimarc_slim(notice_to_unimarc(NOTICE, date_entered=ENTERED))
    validator.assertValid(element)
    ns = {"u": UNIMARC_SLIM_NS}
    assert element.tag == f"{{{UNIMARC_SLIM_NS}}}rec"
    assert element.findtext("u:lab", namespaces=ns).endswith("450 ")
    assert element.xpath("u:df[@t='200']/@i1", namespaces=ns) == ["1"]
    assert element.xpath("u:df[@t='330']/u:sf[@c='a']/text()", namespaces=ns) == [
        "Ligne 1 <b>non-HTML</b>\r\nligne 2"
    ]
    assert element.xpath("u:df[@t='995']/u:sf[@c='b']/text()", namespaces=ns) == ["albi"]
    collection = unimarc_slim_collection(fund_records)
    validator.assertValid(collection)
    assert len(collection) == len(fund_records)


def test_unimarc_slim_drops_characters_xml_forbids():
    record = notice_to_unimarc(
        {"title": "Titre\x0bavec tabulation verticale"}, date_entered=ENTERED
    )
    element = to_unimarc_slim(record)
    assert element.xpath("//*[@t='200']/*/text()") == ["Titreavec tabulation verticale"]


# PMB XML -------------------------------------------------------------------------------


def test_pmb_xml_has_pmb_shape():
    element = to_pmb_xml(notice_to_unimarc(NOTICE, date_entered=ENTERED))
    ns = {"p": PMB_NS}
    assert element.tag == f"{{{PMB_NS}}}notice"
    assert [etree.QName(child).localname for child in element[:6]] == [
        "rs",
        "dt",
        "bl",
        "hl",
        "el",
        "ru",
    ]
    assert [child.text for child in element[:6]] == ["n", "a", "m", "0", "1", "i"]
    assert element.xpath("p:f[@c='001']/text()", namespaces=ns) == ["42"]
    assert element.xpath("p:f[@c='001']/@ind", namespaces=ns) == []
    assert element.xpath("p:f[@c='200']/@ind", namespaces=ns) == ["1 "]
    assert element.xpath("p:f[@c='200']/p:s[@c='e']/text()", namespaces=ns) == [
        "guide & repères « pratiques »"
    ]


def test_pmb_xml_parsed_back_gives_the_same_fields(fund_records):
    root = etree.fromstring(etree.tostring(pmb_xml_collection(fund_records), encoding="UTF-8"))
    again = []
    for notice in root:
        fields = []
        for f in notice.iterfind(f"{{{PMB_NS}}}f"):
            if f.get("ind") is None:
                fields.append((f.get("c"), f.text))
            else:
                fields.append(
                    (
                        f.get("c"),
                        f.get("ind")[0],
                        f.get("ind")[1],
                        [(s.get("c"), s.text) for s in f],
                    )
                )
        again.append(fields)
    assert again == [field_tuples(r) for r in fund_records]


# MARCXML -------------------------------------------------------------------------------


def test_marcxml_of_a_unimarc_record_is_converted_and_valid(fund_records):
    validator = schema("MARC21slim.xsd")
    element = to_marcxml(notice_to_unimarc(NOTICE, date_entered=ENTERED))
    validator.assertValid(element)
    ns = {"m": MARC21_SLIM_NS}
    assert element.findtext("m:leader", namespaces=ns).endswith("4500")
    assert element.xpath("m:datafield[@tag='245']/m:subfield[@code='a']/text()", namespaces=ns) == [
        "L'égalité femmes-hommes à l'école :"
    ]
    assert element.xpath("m:datafield[@tag='200']", namespaces=ns) == []
    collection = marcxml_collection(fund_records)
    validator.assertValid(collection)
    parsed = pymarc.parse_xml_to_array(io.BytesIO(etree.tostring(collection)))
    assert len(parsed) == len(fund_records)
    assert [r["245"]["a"] for r in parsed] == [
        unimarc_to_marc21(r)["245"]["a"] for r in fund_records
    ]


def test_unimarc_in_the_marc21_namespace_fails_the_schema():
    """The check above is not vacuous: UNIMARC relabelled as MARCXML is refused."""
    record = notice_to_unimarc(NOTICE, date_entered=ENTERED)
    naive = etree.Element(f"{{{MARC21_SLIM_NS}}}record", nsmap={None: MARC21_SLIM_NS})
    etree.SubElement(naive, f"{{{MARC21_SLIM_NS}}}leader").text = str(record.leader)
    assert not schema("MARC21slim.xsd").validate(naive)


def test_marcxml_of_a_real_marc21_record_keeps_it(fund_records):
    original = pymarc.parse_xml_to_array(str(DATA / "marc" / "marc4j_chabon.xml"))[0]
    element = to_marcxml(original)
    schema("MARC21slim.xsd").assertValid(element)
    [again] = pymarc.parse_xml_to_array(io.BytesIO(etree.tostring(element)))
    assert field_tuples(again) == field_tuples(original)
