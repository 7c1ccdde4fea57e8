"""MARC21 table, row by row (docs/notice-fields.md)."""

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
FIXED = "210101s2020    fr            000 0 fre d"


def notice(*fields, leader="00000nam a2200000 a 4500", title=True):
    record = Record(force_utf8=True)
    record.leader = Leader(leader)
    if title:
        record.add_field(
            Field(tag="245", indicators=Indicators("1", "0"), subfields=[Subfield("a", "Titre")])
        )
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
    return to_notice(record, "marc21")


ROWS = [
    (
        [
            (
                "245",
                (
                    "14",
                    [
                        ("a", "The pragmatic programmer :"),
                        ("b", "from journeyman to master /"),
                        ("c", "Andrew Hunt, David Thomas."),
                        ("n", "Part 2"),
                        ("p", "Tools"),
                    ],
                ),
            )
        ],
        {
            "title": "The pragmatic programmer. Part 2, Tools",
            "sort_title": "pragmatic programmer part 2 tools",
            "subtitle": "from journeyman to master",
            "responsibility": "Andrew Hunt, David Thomas",
        },
    ),
    ([("250", ("  ", [("a", "2nd ed.")]))], {"edition": "2nd ed."}),
    (
        [("260", ("  ", [("a", "New York :"), ("b", "Random House,"), ("c", "c2000.")]))],
        {"place": "New York", "publisher": "Random House", "year": 2000},
    ),
    (
        [("264", (" 1", [("a", "Paris :"), ("b", "Seuil,"), ("c", "[2019]")]))],
        {"place": "Paris", "publisher": "Seuil", "year": 2019},
    ),
    ([("008", FIXED)], {"year": 2020, "language": "fre"}),
    ([("041", ("0 ", [("a", "fre")]))], {"language": "fre"}),
    (
        [("300", ("  ", [("a", "639 p. :"), ("b", "ill. ;"), ("c", "25 cm +"), ("e", "1 DVD.")]))],
        {"collation": "639 p. : ill. ; 25 cm + 1 DVD"},
    ),
    (
        [("490", ("1 ", [("a", "Repères ;"), ("v", "42")]))],
        {"collection": "Repères", "collection_number": "42"},
    ),
    ([("830", (" 0", [("a", "Série.")]))], {"collection": "Série"}),
    (
        [("020", ("  ", [("a", "0679450041 (acid-free paper)"), ("c", "$25.95")]))],
        {"isbn": ["0679450041"], "price": "$25.95"},
    ),
    ([("022", ("  ", [("a", "0028-0836")]))], {"issn": "0028-0836"}),
    (
        [("024", ("3 ", [("a", "9780679450047")])), ("024", ("1 ", [("a", "UPC")]))],
        {"ean": "9780679450047"},
    ),
    (
        [
            ("500", ("  ", [("a", "Note.")])),
            ("505", ("0 ", [("a", "Ch. 1 -- Ch. 2")])),
            ("520", ("  ", [("a", "Résumé.")])),
        ],
        {"notes": "Note.", "contents": "Ch. 1 -- Ch. 2", "summary": "Résumé."},
    ),
    (
        [
            ("650", (" 0", [("a", "Literacy"), ("z", "France"), ("v", "Congresses.")])),
            ("651", (" 0", [("a", "Toulouse (France)")])),
        ],
        {
            "descriptors": ["Literacy -- France -- Congresses", "Toulouse (France)"],
            "territory": ["31", "national"],
        },
    ),
    (
        [("653", ("  ", [("a", "Illettrisme")])), ("653", ("  ", [("a", "Parentalité")]))],
        {"keywords": ["Illettrisme", "Parentalité"], "themes": ["savoirs-de-base", "parentalite"]},
    ),
    ([("082", ("04", [("a", "374.012")]))], {"dewey": "374.012"}),
    (
        [("856", ("40", [("u", "https://example.org")]))],
        {"urls": ["https://example.org"], "support": "electronique"},
    ),
    ([("001", "123")], {"cosoter_id": "123"}),
    ([("773", ("0 ", [("t", "Revue Diversité.")]))], {"series_title": "Revue Diversité"}),
    (
        [
            (
                "852",
                ("  ", [("b", "Albi"), ("h", "374"), ("i", "DUP"), ("p", "B42"), ("c", "Adultes")]),
            )
        ],
        {
            "items": [
                {"barcode": "B42", "call_number": "374 DUP", "section": "Adultes", "site": "albi"}
            ],
            "support": "papier",
        },
    ),
]


@pytest.mark.parametrize("fields,expected", ROWS, ids=[",".join(r[1]) for r in ROWS])
def test_row(fields, expected):
    has_title = any(t == "245" for t, _s in fields)
    result = notice(*fields, title=not has_title)
    for key, value in expected.items():
        assert result[key] == value, key


def test_authors_and_roles():
    result = notice(
        ("100", ("1 ", [("a", "Chabon, Michael."), ("4", "aut")])),
        ("700", ("1 ", [("a", "Dupont, Jean,"), ("e", "translator.")])),
        ("700", ("1 ", [("a", "Durand, Marie.")])),
        ("710", ("2 ", [("a", "ANLCI."), ("b", "Direction.")])),
    )
    assert result["authors"] == [
        {"name": "Chabon, Michael", "role": "main", "kind": "person", "function": "aut"},
        {"name": "Dupont, Jean", "role": "secondary", "kind": "person", "function": "translator"},
        {"name": "Durand, Marie", "role": "coauthor", "kind": "person"},
        {"name": "ANLCI. Direction", "role": "coauthor", "kind": "corporate"},
    ]


@pytest.mark.parametrize(
    "leader,fixed,expected",
    [
        ("00000nam a2200000 a 4500", FIXED, "ouvrage"),
        ("00000nab a2200000 a 4500", FIXED, "article"),
        ("00000nas a2200000 a 4500", FIXED, "periodique"),
        ("00000ngm a2200000 a 4500", FIXED, "video"),
        ("00000nom a2200000 a 4500", FIXED, "mallette"),
        ("00000nam a2200000 a 4500", FIXED[:24] + "m" + FIXED[25:], "memoire"),
        ("00000nam a2200000 a 4500", FIXED[:29] + "1" + FIXED[30:], "actes"),
    ],
)
def test_document_type(leader, fixed, expected):
    assert notice(("008", fixed), leader=leader)["document_type"] == expected


def test_real_marc21_records():
    chabon = [to_notice(r.record, r.flavour) for r in read_records(DATA / "marc4j_chabon.xml")]
    assert chabon[0]["title"] == "The amazing adventures of Kavalier and Clay"
    assert chabon[0]["sort_title"] == "amazing adventures of kavalier and clay"
    assert chabon[1]["isbn"] == ["0786808772", "0786816155"]
    [marc8] = list(read_records(DATA / "pymarc_marc8.dat"))
    assert to_notice(marc8.record)["notes"] == "Translation of De la solitude à la communauté."
