from lxml import etree

from rt.infodoc.marc.exports.dublincore import DC_ELEMENTS
from rt.infodoc.marc.exports.dublincore import DC_NS
from rt.infodoc.marc.exports.dublincore import OAI_DC_NS
from rt.infodoc.marc.exports.dublincore import XSI_NS
from rt.infodoc.marc.exports.dublincore import dc_pairs
from rt.infodoc.marc.exports.dublincore import to_oai_dc


def values(element, name):
    return [child.text for child in element if child.tag == f"{{{DC_NS}}}{name}"]


def test_oai_dc_structure(notice, portal_url):
    element = to_oai_dc(notice, url=portal_url, rights="Ressources & Territoires")
    assert element.tag == f"{{{OAI_DC_NS}}}dc"
    assert element.get(f"{{{XSI_NS}}}schemaLocation") == (
        "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    )
    for child in element:
        namespace, name = child.tag[1:].split("}")
        assert namespace == DC_NS and name in DC_ELEMENTS
        assert (
            child.text and child.text == child.text.strip() and len(child) == 0 and not child.attrib
        )
    again = etree.fromstring(etree.tostring(element))
    assert again.nsmap["oai_dc"] == OAI_DC_NS and again.nsmap["dc"] == DC_NS


def test_oai_dc_content(notice, portal_url):
    element = to_oai_dc(notice, url=portal_url, rights="Reproduction interdite")
    assert values(element, "title") == [
        "L'illettrisme en entreprise : repérer, accompagner, former"
    ]
    assert values(element, "creator") == [
        "Adami, Hervé",
        "Agence nationale de lutte contre l'illettrisme",
    ]
    assert values(element, "contributor") == ["Dupré, Jeanne"]
    assert values(element, "subject") == [
        "Illettrisme -- Entreprise",
        "Formation professionnelle",
        "compétences de base",
        "374.012",
    ]
    assert values(element, "identifier") == [
        "URN:ISBN:9782850081234",
        portal_url,
        "https://cosoter-ressources.info/doc_num.php?explnum_id=7&x=<y>",
    ]
    assert values(element, "type") == ["Guide méthodologique", "Text"]
    assert values(element, "date") == ["2015"] and values(element, "language") == ["fre"]
    assert values(element, "publisher") == ["Chronique sociale"]
    assert values(element, "coverage") == ["Haute-Garonne"]
    assert values(element, "rights") == ["Reproduction interdite"]
    assert values(element, "format") == ["187 p. : ill. ; 24 cm"]
    text = etree.tostring(element, encoding="unicode")
    assert "&amp;x=&lt;y&gt;" in text


def test_minimal_notice_gives_title_and_type_only():
    assert dc_pairs({"title": "Seul"}) == [("title", "Seul"), ("type", "Text")]
    assert ("type", "MovingImage") in dc_pairs({"title": "Film", "document_type": "video"})
