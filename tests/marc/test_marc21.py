"""unimarc_to_marc21: a real field-by-field conversion."""

import datetime

from pymarc import Field
from pymarc import Indicators
from pymarc import Record
from pymarc import Subfield

from rt.infodoc.marc.marc21 import unimarc_to_marc21
from rt.infodoc.marc.unimarc_builder import notice_to_unimarc

ENTERED = datetime.date(2021, 6, 15)
NOTICE = {
    "title": "La réussite éducative",
    "subtitle": "enjeux et pratiques",
    "responsibility": "Sophie Martin, Karim Haddad ; sous la direction de Anne Roux",
    "authors": [
        {"name": "Martin, Sophie", "role": "Auteur", "kind": "person", "function": "070"},
        {"name": "Haddad, Karim", "role": "Auteur", "kind": "person", "function": "070"},
        {
            "name": "Roux, Anne",
            "role": "Directeur de publication",
            "kind": "person",
            "function": "651",
        },
        {
            "name": "Ressources & Territoires",
            "role": "Auteur",
            "kind": "corporate",
            "function": "070",
        },
    ],
    "edition": "2e éd.",
    "place": "Toulouse",
    "publisher": "ERES",
    "year": 2018,
    "collation": "240 p. : ill. ; 24 cm",
    "collection": "Trajets",
    "collection_number": "7",
    "isbn": ["978-2-7492-6347-3"],
    "price": "22 EUR",
    "issn": "1234-5679",
    "ean": "9782749263473",
    "language": "fre",
    "notes": "Bibliogr.",
    "contents": "Repères ; Pratiques",
    "summary": "Un état des lieux.",
    "descriptors": ["Réussite éducative -- Évaluation"],
    "keywords": ["PRE", "parentalité"],
    "dewey": "370",
    "territory": ["81"],
    "series_title": "Cahiers pédagogiques, n° 12",
    "cosoter_id": "777",
    "urls": ["https://example.org/re.pdf"],
    "items": [
        {
            "barcode": "RT000777",
            "call_number": "370 MAR",
            "site": "albi",
            "section": "Éducation",
            "status": "Empruntable",
            "doc_type": "ouvrage",
        }
    ],
    "document_type": "ouvrage",
}


def sub(field):
    return [(s.code, s.value) for s in field.subfields]


def converted(notice=NOTICE):
    return unimarc_to_marc21(notice_to_unimarc(notice, date_entered=ENTERED))


def test_leader_is_marc21():
    leader = str(converted().leader)
    assert len(leader) == 24
    assert (
        leader[5:10] == "nam a"
        and leader[10:12] == "22"
        and leader[18] == "i"
        and leader[20:24] == "4500"
    )


def test_008_is_built_from_100_and_101():
    value = converted()["008"].data
    assert len(value) == 40
    assert value[0:6] == "210615" and value[6] == "s" and value[7:11] == "2018"
    assert value[35:38] == "fre"
    electronic = converted({"title": "Site", "urls": ["https://x.org"], "year": 2020})["008"].data
    assert electronic[23] == "o"


def test_title_becomes_245_with_indicators_and_isbd_punctuation():
    field = converted()["245"]
    assert (field.indicator1, field.indicator2) == ("1", "3")  # main entry exists; "La " skipped
    assert sub(field) == [
        ("a", "La réussite éducative :"),
        ("b", "enjeux et pratiques /"),
        ("c", "Sophie Martin, Karim Haddad ; sous la direction de Anne Roux"),
    ]
    no_article = converted({"title": "Réussir"})["245"]
    assert (no_article.indicator1, no_article.indicator2) == ("0", "0")


def test_publication_physical_series_and_identifiers():
    record = converted()
    assert sub(record["260"]) == [("a", "Toulouse :"), ("b", "ERES,"), ("c", "2018")]
    assert sub(record["300"]) == [("a", "240 p. :"), ("b", "ill. ;"), ("c", "24 cm")]
    assert sub(record["490"]) == [("a", "Trajets ;"), ("v", "7")]
    assert record["490"].indicator1 == "0"
    assert sub(record["020"]) == [("a", "978-2-7492-6347-3"), ("c", "22 EUR")]
    assert sub(record["022"]) == [("a", "1234-5679")]
    assert sub(record["024"]) == [("a", "9782749263473")] and record["024"].indicator1 == "3"
    assert sub(record["041"]) == [("a", "fre")]
    assert sub(record["250"]) == [("a", "2e éd.")]
    assert record["001"].data == "777"


def test_notes_contents_summary_and_subjects():
    record = converted()
    assert sub(record["500"]) == [("a", "Bibliogr.")]
    assert sub(record["505"]) == [("a", "Repères -- Pratiques")]
    assert sub(record["520"]) == [("a", "Un état des lieux.")]
    assert sub(record["650"]) == [("a", "Réussite éducative"), ("x", "Évaluation")]
    assert record["650"].indicator2 == "4"
    assert sub(record["651"]) == [("a", "Tarn")]
    assert [sub(f) for f in record.get_fields("653")] == [[("a", "PRE")], [("a", "parentalité")]]
    assert sub(record["082"]) == [("a", "370")]
    assert sub(record["773"]) == [("t", "Cahiers pédagogiques, n° 12")]


def test_geographic_and_chronological_subdivisions_swap_codes():
    record = Record()
    record.leader = "     nam0 22     1i 450 "
    record.add_field(
        Field(tag="200", indicators=Indicators("1", " "), subfields=[Subfield("a", "T")])
    )
    record.add_field(
        Field(
            tag="606",
            indicators=Indicators(" ", " "),
            subfields=[
                Subfield("a", "Logement social"),
                Subfield("y", "France"),
                Subfield("z", "1990-2020"),
                Subfield("2", "rameau"),
            ],
        )
    )
    record.add_field(
        Field(
            tag="600",
            indicators=Indicators(" ", "1"),
            subfields=[
                Subfield("a", "Freinet"),
                Subfield("b", "Célestin"),
                Subfield("f", "1896-1966"),
            ],
        )
    )
    out = unimarc_to_marc21(record)
    assert sub(out["650"]) == [
        ("a", "Logement social"),
        ("z", "France"),
        ("y", "1990-2020"),
        ("2", "rameau"),
    ]
    assert out["650"].indicator2 == "7"
    assert sub(out["600"]) == [("a", "Freinet, Célestin"), ("d", "1896-1966")]


def test_names_become_100_700_and_710_with_relators():
    record = converted()
    assert sub(record["100"]) == [("a", "Martin, Sophie"), ("e", "auteur"), ("4", "aut")]
    assert record["100"].indicator1 == "1"
    assert [sub(f) for f in record.get_fields("700")] == [
        [("a", "Haddad, Karim"), ("e", "auteur"), ("4", "aut")],
        [("a", "Roux, Anne"), ("e", "directeur de publication"), ("4", "pbd")],
    ]
    assert sub(record["710"]) == [("a", "Ressources & Territoires"), ("e", "auteur"), ("4", "aut")]
    assert record.get_fields("110") == []


def test_a_corporate_main_entry_becomes_110():
    record = converted(
        {
            "title": "Rapport",
            "authors": [
                {"name": "ANLCI", "kind": "corporate", "function": "070", "role": "Auteur"}
            ],
        }
    )
    assert sub(record["110"]) == [("a", "ANLCI"), ("e", "auteur"), ("4", "aut")]
    assert record["110"].indicator1 == "2"
    assert record["245"].indicator1 == "1"


def test_links_and_items():
    record = converted()
    assert sub(record["856"]) == [("u", "https://example.org/re.pdf")]
    assert (record["856"].indicator1, record["856"].indicator2) == ("4", "0")
    assert sub(record["852"]) == [
        ("b", "albi"),
        ("c", "Éducation"),
        ("h", "370 MAR"),
        ("p", "RT000777"),
    ]
    assert sub(record["949"]) == [
        ("b", "albi"),
        ("f", "RT000777"),
        ("k", "370 MAR"),
        ("q", "Éducation"),
        ("r", "ouvrage"),
        ("o", "Empruntable"),
    ]


def test_fields_are_in_tag_order_and_no_unimarc_tag_is_left():
    tags = [f.tag for f in converted().fields]
    assert tags == sorted(tags)
    assert not {"010", "101", "200", "210", "215", "225", "330", "606", "676", "995"} & set(tags)
