"""MARC XML in its four shapes, bad records inside good files, single elements."""

from pathlib import Path

from lxml import etree

from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.reader import read_records
from rt.infodoc.marc.xml_reader import read_element

DATA = Path(__file__).parent.parent / "data" / "marc"

PMB = """<?xml version="1.0" encoding="utf-8"?>
<unimarc>
<notice xmlns="http://www.pmbservices.fr">
  <rs>n</rs><dt>a</dt><bl>m</bl><hl>0</hl><el>1</el><ru>i</ru>
  <f c="001">COSOTER-42</f>
  <f c="010" ind="  "><s c="a">978-2-11-000000-1</s><s c="d">15 EUR</s></f>
  <f c="101" ind="0 "><s c="a">fre</s></f>
  <f c="200" ind="1 "><s c="a">&#x88;L'&#x89;illettrisme en Occitanie</s><s c="e">état des lieux</s><s c="f">Ressources &amp; Territoires</s></f>
  <f c="210" ind="  "><s c="a">Toulouse</s><s c="c">R&amp;T</s><s c="d">2019</s></f>
  <f c="606" ind="  "><s c="a">Illettrisme</s></f>
  <f c="607" ind="  "><s c="a">Haute-Garonne</s></f>
  <f c="995" ind="  "><s c="f">000123</s><s c="k">ILL 2019</s><s c="b">Saint-Gaudens</s><s c="r">Rapport</s></f>
</notice>
<notice xmlns="http://www.pmbservices.fr">
  <rs>n</rs><dt>a</dt><bl>m</bl><hl>0</hl><el>1</el><ru>i</ru>
  <f c="001">COSOTER-43</f>
  <f c="200" ind="1 "><s c="a">Second</s></f>
</notice>
</unimarc>
"""

UNIMARC_SLIM = """<collection xmlns="http://www.bncf.firenze.sbn.it/unimarc/slim">
<rec><lab>00000nam  2200000   450 </lab><cf t="001">U1</cf>
<df t="200" i1="1" i2=" "><sf c="a">Égalité femmes hommes</sf></df></rec>
</collection>"""

MARCXCHANGE = """<collection xmlns="info:lc/xmlns/marcxchange-v2">
<record format="MARC21" type="Bibliographic"><leader>00000nam a2200000 a 4500</leader>
<controlfield tag="001">X1</controlfield>
<datafield tag="245" ind1="1" ind2="4"><subfield code="a">The test /</subfield></datafield>
</record></collection>"""


def test_pmb_xml_unimarc():
    results = list(read_records(PMB.encode()))
    assert [r.identifier for r in results] == ["COSOTER-42", "COSOTER-43"]
    first = results[0]
    assert first.ok and first.flavour == "unimarc"
    assert str(first.record.leader) == "00000nam0 22000001i 450 "
    notice = to_notice(first.record, first.flavour)
    assert notice["title"] == "L'illettrisme en Occitanie"
    assert notice["sort_title"] == "illettrisme en occitanie"
    assert notice["themes"] == ["savoirs-de-base"]
    assert notice["territory"] == ["31"]
    assert notice["items"] == [
        {
            "barcode": "000123",
            "call_number": "ILL 2019",
            "doc_type": "Rapport",
            "site": "saint-gaudens",
        }
    ]
    assert notice["document_type"] == "rapport"


def test_unimarc_slim_and_marcxchange():
    [uni] = list(read_records(UNIMARC_SLIM.encode()))
    assert uni.ok and uni.flavour == "unimarc" and uni.record["200"]["a"] == "Égalité femmes hommes"
    [mx] = list(read_records(MARCXCHANGE.encode()))
    assert mx.ok and mx.flavour == "marc21" and to_notice(mx.record)["sort_title"] == "test"


def test_marc21slim_holding_unimarc_is_detected_as_unimarc():
    results = list(read_records(DATA / "marcjs_bib.xml"))
    assert {r.flavour for r in results} == {"unimarc"}
    assert results[2].record["200"]["a"].endswith("au 16e siècle, par A. Claudin,...")


def test_missing_subfield_code_is_reported_and_the_record_kept():
    [result] = list(read_records(DATA / "marc4j_chabon-missing-subfield-code.xml"))
    assert result.ok and result.identifier == "11939876"
    assert (
        "champ 020 : sous-champ sans code valide ignoré ('0679450041 (acid-free paper)')"
        in result.warnings
    )
    assert result.record["245"]["a"] == "The amazing adventures of Kavalier and Clay :"


def test_bad_tag_record():
    [result] = list(read_records(DATA / "pymarc_bad_tag.xml"))
    assert result.ok
    assert "étiquette '42' lue comme '042'" in result.warnings
    assert result.record["042"]["a"] == "dc"


def test_malformed_record_inside_a_file_is_rejected_alone():
    good = (
        '<record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">{n}</controlfield>'
        '<datafield tag="245" ind1="0" ind2="0"><subfield code="a">T{n}</subfield></datafield></record>'
    )
    bad = (
        '<record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">B</controlfield>\n'
        '<datafield tag="245" ind1="0" ind2="0"><subfield code="a">broken & </subfield></datafield></record>'
    )
    xml = (
        "<collection xmlns='http://www.loc.gov/MARC21/slim'>\n"
        + good.format(n=1)
        + "\n"
        + bad
        + "\n"
        + good.format(n=2)
        + "\n</collection>"
    )
    results = list(read_records(xml.encode()))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error.startswith("XML mal formé ligne 4 : ")
    assert [r.record["245"]["a"] for r in (results[0], results[2])] == ["T1", "T2"]


def test_read_element_from_oai_metadata():
    metadata = etree.fromstring(
        '<metadata xmlns="http://www.openarchives.org/OAI/2.0/">' + MARCXCHANGE + "</metadata>"
    )
    result = read_element(metadata)
    assert result.ok and result.identifier == "X1"
    empty = read_element(etree.fromstring("<metadata><dc/></metadata>"))
    assert empty.error == "aucune notice MARC dans l'élément <metadata>"


def test_not_marc_xml():
    [result] = list(read_records(b"<html><body>nothing</body></html>"))
    assert result.error == "aucune notice MARC trouvée dans le fichier XML"
