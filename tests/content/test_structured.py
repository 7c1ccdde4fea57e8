"""The rows of the structured fields, pure Python: reading values of earlier versions,
normalising them, checking what a client sends (content/structured.py)."""

import subprocess
import sys

import pytest

from rt.infodoc.content import structured as s


def test_the_rows_and_the_relator_list_import_no_zope():
    code = (
        "import sys, rt.infodoc.content.structured, rt.infodoc.vocabularies.relators;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('Zope2', 'Products', 'plone', 'zope')"
        " and m not in ('zope',) and not m.startswith('zope.i18nmessageid')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "value, expected",
    [
        ('[{"name": "Dupont, Marie"}]', [{"name": "Dupont, Marie"}]),
        ("[{'name': 'Dupont, Marie'}]", [{"name": "Dupont, Marie"}]),  # the JSON field took it
        (b'[{"name": "Amp\\u00e8re"}]', [{"name": "Ampère"}]),
        ({"name": "Seul"}, [{"name": "Seul"}]),
        ("", []),
        ("pas du JSON", []),
        (None, []),
        (42, []),
        ([{"name": "A"}, "B", None], [{"name": "A"}]),
    ],
)
def test_rows_of_reads_every_stored_form(value, expected):
    assert s.rows_of(value) == expected


def test_authors_of_an_earlier_form_get_codes_and_roles():
    typed = [
        {"name": "Dupont, Marie", "role": "Auteur", "kind": "person"},
        {"name": " Martin ,  Paul ", "role": "Auteur"},
        {"name": "Ville de Toulouse", "role": "Directeur de publication", "kind": "Collectivité"},
        {"name": "Durand, Léa", "role": "Illustrateur", "function": ""},
        {"name": "   "},
        {"role": "Auteur"},
    ]
    assert s.normalize_authors(typed) == [
        {"name": "Dupont, Marie", "kind": "person", "function": "070", "role": "main"},
        {"name": "Martin , Paul", "kind": "person", "function": "070", "role": "coauthor"},
        {"name": "Ville de Toulouse", "kind": "corporate", "function": "651", "role": "secondary"},
        {"name": "Durand, Léa", "kind": "person", "function": "440", "role": "secondary"},
    ]


def test_authors_of_the_importer_and_the_harvester_keep_their_meaning():
    imported = [
        {"name": "A", "role": "coauthor", "kind": "person"},  # no function: left None
        {"name": "B", "role": "main", "kind": "person", "function": "070"},
        {"name": "C", "role": "secondary", "kind": "person", "function": "aut"},  # MARC 21
        {"name": "D", "role": "secondary", "kind": "person", "function": "ed. scientifique"},
    ]
    assert s.normalize_authors(imported) == [
        {"name": "A", "kind": "person", "function": None, "role": "coauthor"},
        {"name": "B", "kind": "person", "function": "070", "role": "main"},
        {"name": "C", "kind": "person", "function": "aut", "role": "secondary"},
        {"name": "D", "kind": "person", "function": "ed. scientifique", "role": "secondary"},
    ]
    harvested = [{"name": "X", "role": "principal"}, {"name": "Y", "role": "secondaire"}]
    assert [a["role"] for a in s.normalize_authors(harvested)] == ["main", "secondary"]


def test_speakers_of_an_earlier_form():
    assert s.normalize_speakers(
        '[{"name": "Martin, Claire", "role": "Intervenante"}, {"title": "sans nom"}]'
    ) == [{"name": "Martin, Claire", "title": "Intervenante", "affiliation": None}]


def test_accessors_give_text_for_every_key():
    class Session:
        speakers = [{"name": "Hervé Adami", "title": None}]

    class Record:
        authors = [{"name": "ANLCI", "kind": "corporate"}]

    assert s.speakers_of(Session()) == [{"name": "Hervé Adami", "title": "", "affiliation": ""}]
    assert s.authors_of(Record()) == [
        {"name": "ANLCI", "kind": "corporate", "function": "", "role": "main"}
    ]
    assert s.speakers_of(object()) == [] and s.authors_of(object()) == []


def test_checking_what_a_client_sends():
    rows, problems = s.check_authors(
        [
            {"name": "Dupont, Marie", "function": "Traducteur", "role": "Autre auteur"},
            {"name": "ANLCI", "kind": "Collectivité"},
        ]
    )
    assert problems == []
    assert rows == [
        {"name": "Dupont, Marie", "kind": "person", "function": "730", "role": "coauthor"},
        {"name": "ANLCI", "kind": "corporate", "function": None, "role": "main"},
    ]
    rows, problems = s.check_authors(
        [
            "Dupont",
            {"name": "", "role": "chef"},
            {"name": "X", "function": "999", "kind": "robot", "extra": 1},
            {"name": 3},
        ]
    )
    assert rows is None
    assert problems == [
        (1, s.NOT_AN_OBJECT, "'Dupont'"),
        (2, s.BAD_ROLE, "chef"),
        (2, s.NO_NAME, ""),
        (3, s.UNKNOWN_KEY, "extra"),
        (4, s.NOT_TEXT, "name"),
    ]
    assert s.check_authors({"name": "X"})[1] == [(0, s.NOT_A_LIST, "dict")]
    assert s.check_authors([{"name": "X", "function": "aut"}], known_functions=["aut"])[1] == []
    assert s.check_speakers([{"name": "A", "role": "x"}])[1] == [(1, s.UNKNOWN_KEY, "role")]
