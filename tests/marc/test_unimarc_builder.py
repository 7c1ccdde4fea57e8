"""notice_to_unimarc: a notice dict back to the UNIMARC zones it is read from."""

import datetime

import pytest

from rt.infodoc.marc.unimarc_builder import NSB
from rt.infodoc.marc.unimarc_builder import NSE
from rt.infodoc.marc.unimarc_builder import NoticeError
from rt.infodoc.marc.unimarc_builder import notice_to_unimarc

ENTERED = datetime.date(2024, 3, 1)


def french_notice():
    return {
        "title": "L'illettrisme en entreprise",
        "subtitle": "repérer, accompagner, former",
        "responsibility": "Hervé Adami ; sous la direction de Jeanne Dupré",
        "authors": [
            {
                "name": "Dupré, Jeanne",
                "role": "Directeur de publication",
                "kind": "person",
                "function": "651",
            },
            {"name": "Adami, Hervé", "role": "Auteur", "kind": "person", "function": "070"},
            {
                "name": "Agence nationale de lutte contre l'illettrisme",
                "role": "Auteur",
                "kind": "corporate",
                "function": "070",
            },
        ],
        "edition": "2e éd.",
        "place": "Lyon",
        "publisher": "Chronique sociale",
        "year": 2015,
        "collation": "187 p. : ill. ; 24 cm + 1 CD-ROM",
        "collection": "Savoir communiquer",
        "collection_number": "12",
        "isbn": ["978-2-85008-123-4"],
        "price": "18 EUR",
        "language": "fre",
        "notes": "Bibliogr. p. 180-185\nGlossaire",
        "contents": "Repérer ; Accompagner ; Former",
        "summary": "Un guide pour les entreprises & les OPCO.",
        "descriptors": ["Illettrisme -- Entreprise", "Formation professionnelle", "Haute-Garonne"],
        "keywords": ["compétences de base"],
        "dewey": "374.012",
        "document_type": "guide-methodologique",
        "themes": ["savoirs-de-base"],
        "territory": ["31"],
        "cosoter_id": "12345",
        "urls": ["https://example.org/guide.pdf"],
        "items": [
            {
                "barcode": "RT0012345",
                "call_number": "374 DUP",
                "doc_type": "guide-methodologique",
                "section": "Savoirs de base",
                "status": "Empruntable",
                "site": "toulouse",
            }
        ],
    }


def subfields(field):
    return [(s.code, s.value) for s in field.subfields]


def test_leader_and_coded_data_say_unimarc_in_utf8():
    record = notice_to_unimarc(french_notice(), date_entered=ENTERED)
    leader = str(record.leader)
    assert len(leader) == 24
    assert leader[5:9] == "nam0" and leader[9] == " " and leader[20:24] == "450 "
    coded = record["100"]["a"]
    assert len(coded) == 36
    assert coded[0:8] == "20240301" and coded[8] == "d" and coded[9:13] == "2015"
    assert coded[22:25] == "fre" and coded[26:30] == "50  " and coded[34:36] == "ba"
    assert record["005"].data == "20240301000000.0"


def test_title_zone_has_indicator_1_and_a_non_filing_article():
    field = notice_to_unimarc(french_notice(), date_entered=ENTERED)["200"]
    assert field.indicator1 == "1"
    assert subfields(field) == [
        ("a", f"{NSB}L'{NSE}illettrisme en entreprise"),
        ("e", "repérer, accompagner, former"),
        ("f", "Hervé Adami ; sous la direction de Jeanne Dupré"),
    ]


def test_identifiers_publication_and_description_zones():
    record = notice_to_unimarc(french_notice(), date_entered=ENTERED)
    assert record["001"].data == "12345"
    assert subfields(record["010"]) == [("a", "978-2-85008-123-4"), ("d", "18 EUR")]
    assert subfields(record["101"]) == [("a", "fre")]
    assert subfields(record["205"]) == [("a", "2e éd.")]
    assert subfields(record["210"]) == [("a", "Lyon"), ("c", "Chronique sociale"), ("d", "2015")]
    assert subfields(record["215"]) == [
        ("a", "187 p."),
        ("c", "ill."),
        ("d", "24 cm"),
        ("e", "1 CD-ROM"),
    ]
    assert subfields(record["225"]) == [("a", "Savoir communiquer"), ("v", "12")]
    assert [subfields(f) for f in record.get_fields("300")] == [
        [("a", "Bibliogr. p. 180-185")],
        [("a", "Glossaire")],
    ]
    assert subfields(record["327"]) == [("a", "Repérer"), ("a", "Accompagner"), ("a", "Former")]
    assert subfields(record["330"]) == [("a", "Un guide pour les entreprises & les OPCO.")]
    assert subfields(record["676"]) == [("a", "374.012")]
    assert subfields(record["856"]) == [("u", "https://example.org/guide.pdf")]


def test_subjects_themes_and_territory():
    record = notice_to_unimarc(french_notice(), date_entered=ENTERED)
    assert [subfields(f) for f in record.get_fields("606")] == [
        [("a", "Illettrisme"), ("x", "Entreprise")],
        [("a", "Formation professionnelle")],
        [("a", "Savoirs de base et illettrisme")],
    ]
    # the territory is written once, in 607, not again as a topical 606
    assert [subfields(f) for f in record.get_fields("607")] == [[("a", "Haute-Garonne")]]
    assert [subfields(f) for f in record.get_fields("610")] == [[("a", "compétences de base")]]


def test_authors_get_responsibility_level_and_relator_code():
    record = notice_to_unimarc(french_notice(), date_entered=ENTERED)
    tags = [f.tag for f in record.fields if f.tag[:2] in ("70", "71")]
    assert tags == ["700", "702", "711"]
    assert subfields(record["700"]) == [("a", "Adami"), ("b", "Hervé"), ("4", "070")]
    assert record["700"].indicator2 == "1"
    assert subfields(record["702"]) == [("a", "Dupré"), ("b", "Jeanne"), ("4", "651")]
    assert subfields(record["711"]) == [
        ("a", "Agence nationale de lutte contre l'illettrisme"),
        ("4", "070"),
    ]


def test_relator_code_is_found_from_the_french_role_when_function_is_missing():
    notice = {
        "title": "Atlas",
        "authors": [
            {"name": "Martin, Paul", "role": "Illustrateur", "kind": "person"},
            {"name": "Petit, Léa", "role": "Éditeur scientifique", "kind": "person"},
        ],
    }
    record = notice_to_unimarc(notice, date_entered=ENTERED)
    assert [f["4"] for f in record.get_fields("702")] == ["440", "340"]


def test_items_are_995_with_site_barcode_call_number_type_section_status():
    field = notice_to_unimarc(french_notice(), date_entered=ENTERED)["995"]
    assert subfields(field) == [
        ("b", "toulouse"),
        ("f", "RT0012345"),
        ("k", "374 DUP"),
        ("q", "Savoirs de base"),
        ("r", "guide-methodologique"),
        ("o", "Empruntable"),
    ]


def test_document_type_sets_the_leader():
    assert str(notice_to_unimarc({"title": "Film", "document_type": "video"}).leader)[6:9] == "gm0"
    assert (
        str(notice_to_unimarc({"title": "Un article", "document_type": "article"}).leader)[6:9]
        == "aa2"
    )
    assert (
        str(notice_to_unimarc({"title": "Revue", "document_type": "periodique"}).leader)[6:9]
        == "as1"
    )


def test_a_production_without_cosoter_id_takes_the_record_id_and_writes_no_empty_zone():
    fiche = {
        "title": "Le PAC, Passeport Accueil Jeunes",
        "document_type": "dossier-documentaire",
        "year": 2011,
        "publisher": "Ressources & Territoires",
        "place": "Toulouse",
    }
    record = notice_to_unimarc(fiche, date_entered=ENTERED, record_id="fiche-pac")
    assert record["001"].data == "fiche-pac"
    assert [f.tag for f in record.fields] == ["001", "005", "100", "101", "200", "210"]
    assert all(s.value for f in record.fields if not f.is_control_field() for s in f.subfields)


@pytest.mark.parametrize(
    "notice, message",
    [
        ({}, "pas de titre"),
        ({"title": "X", "year": "vers 1990"}, "n'est pas un nombre"),
        ({"title": "X", "themes": ["cuisine"]}, "Thème inconnu"),
        ({"title": "X", "document_type": "roman"}, "Type de document inconnu"),
        ({"title": "X", "authors": [{"role": "Auteur"}]}, "n'a pas de nom"),
        ({"title": "X", "isbn": "978-2-85008-123-4"}, "doit être une liste"),
    ],
)
def test_bad_notices_get_a_french_error(notice, message):
    with pytest.raises(NoticeError, match=message):
        notice_to_unimarc(notice)
