"""UNIMARC table, row by row (docs/notice-fields.md)."""

from pathlib import Path

import pytest
from pymarc import Field
from pymarc import Indicators
from pymarc import Leader
from pymarc import Record
from pymarc import Subfield

from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.reader import read_records

DATA = Path(__file__).parent.parent / "data" / "marc"


def rec(*fields, leader="00000nam0 22000001i 450 "):
    record = Record(force_utf8=True)
    record.leader = Leader(leader)
    for tag, spec in fields:
        if isinstance(spec, str):
            record.add_field(Field(tag=tag, data=spec))
        else:
            ind, subs = spec
            record.add_field(
                Field(
                    tag=tag,
                    indicators=Indicators(*ind),
                    subfields=[Subfield(c, v) for c, v in subs],
                )
            )
    return record


def notice(*fields, **kw):
    return to_notice(rec(("200", ("1 ", [("a", "Titre")])), *fields, **kw), "unimarc")


ROWS = [
    # (fields, key, expected)
    (
        [("200", ("1 ", [("a", "\x88Les \x89enfants :"), ("h", "Tome 2"), ("i", "La suite")]))],
        "title",
        "Les enfants. Tome 2, La suite",
    ),
    ([("200", ("1 ", [("a", "\x88Les \x89Éléphants")]))], "sort_title", "elephants"),
    (
        [("200", ("1 ", [("a", "T"), ("e", "sous-titre :"), ("e", "autre")]))],
        "subtitle",
        "sous-titre : autre",
    ),
    (
        [("200", ("1 ", [("a", "T"), ("f", "Jean Dupont ;"), ("g", "préface de Marie Durand")]))],
        "responsibility",
        "Jean Dupont ; préface de Marie Durand",
    ),
    ([("205", ("  ", [("a", "2e éd.")]))], "edition", "2e éd."),
    (
        [("210", ("  ", [("a", "Paris :"), ("c", "La Découverte,"), ("d", "impr. 2015")]))],
        "place",
        "Paris",
    ),
    (
        [("210", ("  ", [("a", "Paris :"), ("c", "La Découverte,"), ("d", "impr. 2015")]))],
        "publisher",
        "La Découverte",
    ),
    ([("210", ("  ", [("d", "impr. 2015")]))], "year", 2015),
    ([("214", ("  ", [("a", "Lyon"), ("c", "ENS"), ("d", "DL 2021")]))], "year", 2021),
    ([("100", ("  ", [("a", "20200101d2018    m  y0frey5003    ba")]))], "year", 2018),
    (
        [("215", ("  ", [("a", "120 p."), ("c", "ill."), ("d", "24 cm"), ("e", "1 CD")]))],
        "collation",
        "120 p. : ill. ; 24 cm + 1 CD",
    ),
    ([("225", ("2 ", [("a", "Repères ;"), ("v", "42")]))], "collection", "Repères"),
    ([("225", ("2 ", [("a", "Repères ;"), ("v", "42")]))], "collection_number", "42"),
    ([("410", (" 0", [("t", "Collection liée")]))], "collection", "Collection liée"),
    (
        [
            ("010", ("  ", [("a", "978-2-7071-9999-0"), ("d", "12 EUR")])),
            ("010", ("  ", [("a", "2-7071-9999-1 (br.)")])),
        ],
        "isbn",
        ["978-2-7071-9999-0", "2-7071-9999-1"],
    ),
    ([("010", ("  ", [("a", "978-2-7071-9999-0"), ("d", "12 EUR")]))], "price", "12 EUR"),
    ([("011", ("  ", [("a", "1234-5678")]))], "issn", "1234-5678"),
    ([("345", ("  ", [("b", "9782707199990")]))], "ean", "9782707199990"),
    ([("101", ("0 ", [("a", "fre"), ("a", "eng")]))], "language", "fre"),
    (
        [("300", ("  ", [("a", "Note 1")])), ("300", ("  ", [("a", "Note 2")]))],
        "notes",
        "Note 1\nNote 2",
    ),
    ([("327", ("  ", [("a", "Partie 1"), ("a", "Partie 2")]))], "contents", "Partie 1 ; Partie 2"),
    ([("330", ("  ", [("a", "Un résumé.")]))], "summary", "Un résumé."),
    (
        [
            ("600", ("  ", [("a", "Freire"), ("b", "Paulo")])),
            (
                "606",
                (
                    "  ",
                    [
                        ("a", "Illettrisme"),
                        ("x", "Prévention"),
                        ("y", "France"),
                        ("z", "1990-2000"),
                    ],
                ),
            ),
        ],
        "descriptors",
        ["Freire, Paulo", "Illettrisme -- Prévention -- France -- 1990-2000"],
    ),
    (
        [("610", ("  ", [("a", "savoirs de base")])), ("610", ("  ", [("a", "QPV")]))],
        "keywords",
        ["savoirs de base", "QPV"],
    ),
    ([("676", ("  ", [("a", "374.012")]))], "dewey", "374.012"),
    (
        [("856", ("  ", [("u", " https://example.org/doc.pdf ")]))],
        "urls",
        ["https://example.org/doc.pdf"],
    ),
    ([("856", ("  ", [("u", "https://example.org/doc.pdf")]))], "support", "electronique"),
    ([("856", ("  ", [("u", "https://x")])), ("995", ("  ", [("f", "1")]))], "support", "papier"),
    (
        [
            ("606", ("  ", [("a", "Illettrisme")])),
            ("610", ("  ", [("a", "Politique de la ville")])),
        ],
        "themes",
        ["savoirs-de-base", "politique-de-la-ville"],
    ),
    (
        [("607", ("  ", [("a", "Toulouse")])), ("607", ("  ", [("a", "Tarn-et-Garonne")]))],
        "territory",
        ["31", "82"],
    ),
    ([("001", "COS-1")], "cosoter_id", "COS-1"),
    (
        [
            (
                "995",
                (
                    "  ",
                    [
                        ("b", "Foix"),
                        ("f", "B1"),
                        ("k", "ILL DUP"),
                        ("r", "a"),
                        ("q", "Adultes"),
                        ("o", "Disponible"),
                    ],
                ),
            )
        ],
        "items",
        [
            {
                "barcode": "B1",
                "call_number": "ILL DUP",
                "doc_type": "a",
                "section": "Adultes",
                "status": "Disponible",
                "site": "foix",
            }
        ],
    ),
    ([("461", (" 1", [("t", "Revue Diversité")]))], "series_title", "Revue Diversité"),
    ([("995", ("  ", [("r", "Outil pédagogique")]))], "document_type", "outil-pedagogique"),
    ([("995", ("  ", [("r", "g")]))], "document_type", "video"),
]


@pytest.mark.parametrize(
    "fields,key,expected", ROWS, ids=[f"{r[1]}-{i}" for i, r in enumerate(ROWS)]
)
def test_row(fields, key, expected):
    record = rec(*fields) if any(t == "200" for t, _s in fields) else None
    result = to_notice(record, "unimarc") if record else notice(*fields)
    assert result[key] == expected


def test_authors():
    result = notice(
        ("700", (" 1", [("a", "Dupont"), ("b", "Jean"), ("4", "070")])),
        ("701", (" 1", [("a", "Durand"), ("b", "Marie")])),
        ("702", (" 1", [("a", "Martin"), ("b", "Luc"), ("4", "730")])),
        ("710", ("02", [("a", "Ressources & Territoires"), ("b", "Centre de ressources")])),
        ("712", ("02", [("a", "ANLCI"), ("4", "340")])),
    )
    assert result["authors"] == [
        {"name": "Dupont, Jean", "role": "main", "kind": "person", "function": "070"},
        {"name": "Durand, Marie", "role": "coauthor", "kind": "person"},
        {"name": "Martin, Luc", "role": "secondary", "kind": "person", "function": "730"},
        {
            "name": "Ressources & Territoires. Centre de ressources",
            "role": "main",
            "kind": "corporate",
        },
        {"name": "ANLCI", "role": "secondary", "kind": "corporate", "function": "340"},
    ]


def test_document_type_from_leader_and_absent_keys():
    assert notice(leader="00000naa0 22000001i 450 ")["document_type"] == "article"
    assert notice(leader="00000nas0 22000001i 450 ")["document_type"] == "periodique"
    minimal = notice()
    assert minimal == {
        "title": "Titre",
        "sort_title": "titre",
        "document_type": "ouvrage",
        "support": "papier",
        "marc_flavour": "unimarc",
    }


def test_real_unimarc_record_with_non_filing_markers():
    [result] = list(read_records(DATA / "pymarc_testunimarc.dat"))
    mapped = to_notice(result.record, result.flavour)
    assert mapped["title"] == "L'altra faccia della spirale"
    assert mapped["sort_title"] == "altra faccia della spirale"
    assert mapped["isbn"] == ["88-04-40682-8"]
    assert mapped["year"] == 1996
    assert mapped["authors"][0] == {
        "name": "Asimov, Isaac",
        "role": "main",
        "kind": "person",
        "function": "070",
    }
    assert not any(c in str(mapped) for c in "\x88\x89")


def test_every_title_of_real_files_is_clean_french():
    for name in (
        "marcjs_bib.mrc",
        "marcjs_bib.xml",
        "pymarc_testunimarc.dat",
        "marcjs_bib-one.mrc",
    ):
        for result in read_records(DATA / name):
            title = to_notice(result.record, result.flavour)["title"]
            assert title and not any(
                bad in title for bad in ("©", "♭", "Ã", "\x88", "\x89", "\ufffd")
            )
    titles = [to_notice(r.record)["title"] for r in read_records(DATA / "marcjs_bib.mrc")]
    assert (
        titles[2]
        == "Histoire de l'imprimerie en France au 15e et au 16e siècle, par A. Claudin,..."
    )
    assert titles[4].startswith("Le Papier, recherches et notes pour servir à l'histoire du papier")
