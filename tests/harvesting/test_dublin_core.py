"""oai_dc -> Notice dict: hand-written French records and a real DSpace ListRecords."""

from pathlib import Path

from lxml import etree

from rt.infodoc.harvesting.dublin_core import dc_to_notice
from rt.infodoc.harvesting.dublin_core import read_dc
from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.unimarc_builder import notice_to_unimarc
from rt.infodoc.oaiprovider.engine.metadata import oai_dc

DSPACE = (
    Path(__file__).parent.parent / "data" / "oai" / "pyoai_dspace_erasmus" / "fake2" / "00002.xml"
)
OAI = "{http://www.openarchives.org/OAI/2.0/}"


def test_french_record_maps_every_element():
    element = etree.fromstring(
        oai_dc(
            {
                "title": ["Éducation populaire : héritages et défis", "Autre titre possible"],
                "creator": ["Dupré, Hélène", "Ressources & Territoires"],
                "contributor": ["Martin, Loïc"],
                "subject": ["illettrisme", "savoirs de base", "illettrisme"],
                "description": ["Premier paragraphe.", "Second paragraphe."],
                "publisher": "Ressources & Territoires",
                "date": ["2019-05-02T10:00:00Z", "2018"],
                "type": "Rapport",
                "format": "120 p.",
                "identifier": [
                    "ISBN 978-2-1234-5680-3",
                    "urn:issn:1234-5679",
                    "https://example.org/doc.pdf",
                    "2-7071-1234-X",
                ],
                "language": "fr",
                "source": "Les cahiers du centre",
                "coverage": ["Haute-Garonne", "46"],
                "relation": "Voir aussi la fiche 12",
                "rights": "CC BY",
            }
        )
    )
    notice, warnings = dc_to_notice(read_dc(element), "4242")
    assert warnings == []
    assert notice == {
        "title": "Éducation populaire : héritages et défis",
        "authors": [
            {"name": "Dupré, Hélène", "role": "main", "kind": "person"},
            {"name": "Ressources & Territoires", "role": "coauthor", "kind": "corporate"},
            {"name": "Martin, Loïc", "role": "secondary", "kind": "person"},
        ],
        "keywords": ["illettrisme", "savoirs de base"],
        "summary": "Premier paragraphe.\nSecond paragraphe.",
        "publisher": "Ressources & Territoires",
        "year": 2018,
        "document_type": "rapport",
        "collation": "120 p.",
        "isbn": ["978-2-1234-5680-3", "2-7071-1234-X"],
        "issn": "1234-5679",
        "urls": ["https://example.org/doc.pdf"],
        "language": "fre",
        "series_title": "Les cahiers du centre",
        "territory": ["31", "46"],
        "notes": "Autre titre : Autre titre possible\nRelation : Voir aussi la fiche 12\n"
        "Droits : CC BY",
        "cosoter_id": "4242",
    }


def test_mapped_notice_round_trips_through_unimarc():
    element = etree.fromstring(
        oai_dc(
            {
                "title": "L'illettrisme en questions",
                "creator": "Dupré, Hélène",
                "subject": "savoirs de base",
                "date": "2004",
                "language": "fre",
                "identifier": "https://example.org/a",
            }
        )
    )
    notice, _ = dc_to_notice(read_dc(element), "77")
    back = to_notice(notice_to_unimarc(notice))
    assert back["title"] == "L'illettrisme en questions"
    assert back["cosoter_id"] == "77" and back["year"] == 2004 and back["language"] == "fre"
    assert back["authors"][0]["name"] == "Dupré, Hélène"
    assert back["urls"] == ["https://example.org/a"] and back["keywords"] == ["savoirs de base"]


def test_unknown_language_is_a_warning_and_empty_record_has_no_title():
    element = etree.fromstring(oai_dc({"language": "other", "subject": "x"}))
    notice, warnings = dc_to_notice(read_dc(element))
    assert "title" not in notice and "language" not in notice
    assert warnings == ["langue Dublin Core non reconnue : « other »"]


def test_real_dspace_records():
    root = etree.parse(str(DSPACE)).getroot()
    mapped = []
    for record in root.iter(f"{OAI}record"):
        metadata = record.find(f"{OAI}metadata")
        if metadata is None:
            continue
        mapped.append(dc_to_notice(read_dc(metadata[0]))[0])
    assert len(mapped) == 79  # 81 records, 2 deleted
    assert all(n.get("title") for n in mapped)
    first = mapped[0]
    assert first["title"] == "The Causality of Supply Relationships"
    # DSpace repeats creators as contributors and descriptions twice
    assert [a["name"] for a in first["authors"]] == ["Jong, G. de", "Nooteboom, B."]
    assert first["summary"].count("This study examines") == 1
    assert first["year"] == 2001 and first["language"] == "eng"
    assert first["urls"] == ["http://hdl.handle.net/1765/9"]
    second = mapped[1]
    assert second["year"] == 2000  # the plain date, not the entry timestamp
    assert "language" not in second  # "other"
    by_title = {n["title"]: n for n in mapped}
    assert by_title["Strategies, uncertainty and performance of small business startups"][
        "isbn"
    ] == ["90-5539-071-2"]
    assert (
        by_title["Risk managing bermudan swaptions in the libor BGM model"]["issn"] == "1566-7294"
    )
    for notice in mapped:  # every one builds a UNIMARC record (final "." is trimmed)
        assert to_notice(notice_to_unimarc(notice))["title"] == notice["title"].rstrip(" .")
