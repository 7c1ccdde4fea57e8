"""Metadata writers: oai_dc from the Notice fields, PMB's pmb_xml_unimarc."""

import pymarc
import pytest
from lxml import etree
from pymarc import Field
from pymarc import Indicators
from pymarc import Subfield

from rt.infodoc.oaiprovider.engine.metadata import PMB_NS
from rt.infodoc.oaiprovider.engine.metadata import notice_to_dc
from rt.infodoc.oaiprovider.engine.metadata import oai_dc
from rt.infodoc.oaiprovider.engine.metadata import pmb_notice

DC = "{http://purl.org/dc/elements/1.1/}"
PMB = f"{{{PMB_NS}}}"


def test_oai_dc_orders_elements_and_escapes():
    root = etree.fromstring(
        oai_dc(
            {
                "language": "fre",
                "title": "Égalité & <laïcité>",
                "subject": ["Illettrisme", "", "Médiation"],
            }
        )
    )
    assert root.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"
    assert [(e.tag[len(DC) :], e.text) for e in root] == [
        ("title", "Égalité & <laïcité>"),
        ("subject", "Illettrisme"),
        ("subject", "Médiation"),
        ("language", "fre"),
    ]


def test_oai_dc_refuses_unknown_elements():
    with pytest.raises(ValueError, match="auteur"):
        oai_dc({"auteur": "x"})


def test_notice_fields_to_dc():
    fields = {
        "title": "Lire et écrire au travail",
        "subtitle": "guide pratique",
        "authors": [
            {"name": "Dupré, Hélène", "role": "auteur", "kind": "person"},
            {"name": "ANLCI", "role": "éditeur", "kind": "corporate"},
        ],
        "year": 2019,
        "publisher": "Ressources & Territoires",
        "isbn": ["978-2-1234-5680-3"],
        "keywords": ["illettrisme"],
        "descriptors": ["Formation -- Adultes"],
        "language": "fre",
        "summary": "Un guide.",
        "territory": ["31"],
    }
    dc = notice_to_dc(fields)
    assert dc == {
        "title": "Lire et écrire au travail : guide pratique",
        "creator": ["Dupré, Hélène", "ANLCI"],
        "subject": ["Formation -- Adultes", "illettrisme"],
        "description": "Un guide.",
        "publisher": "Ressources & Territoires",
        "date": "2019",
        "identifier": ["ISBN 978-2-1234-5680-3"],
        "language": "fre",
        "coverage": ["31"],
    }
    etree.fromstring(oai_dc(dc))  # serialisable as is
    assert notice_to_dc({}) == {}


def test_pmb_notice_shape():
    record = pymarc.Record(force_utf8=True)
    record.leader = pymarc.Leader("01234cam0 22002771i 450 ")
    record.add_field(Field(tag="001", data="4242"))
    record.add_field(
        Field(
            tag="200",
            indicators=Indicators("1", " "),
            subfields=[Subfield("a", "Parentalité et école"), Subfield("e", "regards croisés")],
        )
    )
    root = etree.fromstring(pmb_notice(record))
    assert root.tag == f"{PMB}notice"
    assert [(e.tag[len(PMB) :], e.text) for e in root[:6]] == [
        ("rs", "c"),
        ("dt", "a"),
        ("bl", "m"),
        ("hl", "0"),
        ("el", "1"),
        ("ru", "i"),
    ]
    control, title = root.findall(f"{PMB}f")
    assert (control.get("c"), control.text, control.get("ind")) == ("001", "4242", None)
    assert (title.get("c"), title.get("ind")) == ("200", "1 ")
    assert [(s.get("c"), s.text) for s in title] == [
        ("a", "Parentalité et école"),
        ("e", "regards croisés"),
    ]
