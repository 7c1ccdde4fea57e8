"""Which repairs touch a record's structure: good records damaged one way at a time.

A structural repair (the reader guessed a field's place or tag, or dropped
content) must be seen as such, so that the importer holds the record apart; a
normalisation (encoding, letter case, a wrong number in the leader while the
directory is sound) must not.  Pure Python, no Zope.
"""

from pathlib import Path

import marc_damage as damage
import pytest
from pymarc import Field

from rt.infodoc.marc.reader import read_records
from rt.infodoc.marc.repairs import Normalisation
from rt.infodoc.marc.repairs import StructuralRepair
from rt.infodoc.marc.repairs import is_damaged
from rt.infodoc.marc.repairs import lost_texts
from rt.infodoc.marc.repairs import structural_repairs
from rt.infodoc.marc.writers import to_iso2709

DATA = Path(__file__).parent.parent / "data" / "marc"
GOOD = (DATA / "marcjs_bib-one.mrc").read_bytes().rstrip(b"\n")  # 001 123456789


def read_one(raw):
    [result] = list(read_records(raw))
    assert result.ok, result.error
    return result


def test_the_good_record_is_sound():
    result = read_one(GOOD)
    # its empty 517 is dropped: a normalisation
    assert result.warnings == ["champ 517 : aucun sous-champ, champ ignoré"]
    assert not is_damaged(result)
    assert result.identifier == "123456789"


STRUCTURAL = {
    # the case found on real files: the 001 entry's tag damaged into a data tag
    "001 under a data tag": (
        lambda raw: damage.retag(raw, b"001", b"0O1"),
        ["champ 0O1 : indicateurs '123456789' corrigés", "champ 0O1 : aucun sous-champ"],
    ),
    "001 under a data tag that exists": (
        lambda raw: damage.retag(raw, b"001", b"101"),
        ["champ 101 : indicateurs '123456789' corrigés"],
    ),
    "001 under an invalid tag": (
        lambda raw: damage.retag(raw, b"001", b"0 1"),
        ["étiquette '0 1' invalide : champ ignoré"],
    ),
    "a data field under a control tag": (
        lambda raw: damage.retag(raw, b"010", b"005"),
        ["champ de contrôle 005 : délimiteur de sous-champ supprimé"],
    ),
    "directory length too long": (
        lambda raw: damage.relength(raw, b"200", 2),
        ["longueurs"],
    ),
    "directory length too short": (
        lambda raw: damage.relength(raw, b"010", -3),
        ["longueurs"],
    ),
    "leader one character short": (damage.short_leader, ["label de 23 caractères au lieu de 24"]),
    "stray byte in the directory": (
        damage.stray_directory_byte,
        ["longueurs ou positions du répertoire incorrectes : répertoire reconstruit"],
    ),
    "data after the last field": (
        damage.trailing_garbage,
        ["données après le dernier champ ignorées"],
    ),
    "invalid subfield code": (
        lambda raw: damage.subfield_code(raw, b"200", b"b", b"!"),
        ["champ 200 : code de sous-champ '!' invalide"],
    ),
}


@pytest.mark.parametrize("kind", sorted(STRUCTURAL))
def test_structural_repairs_are_seen(kind):
    make, expected = STRUCTURAL[kind]
    result = read_one(make(GOOD))
    assert is_damaged(result), result.warnings
    notes = structural_repairs(result.warnings)
    for text in expected:
        assert any(note.startswith(text) for note in notes), (text, notes)
    # reports store plain text, never the note's class
    assert all(type(note) is str for note in notes)


def test_the_lost_identifier_is_kept_with_its_repair():
    for make in (
        lambda raw: damage.retag(raw, b"001", b"0O1"),
        lambda raw: damage.retag(raw, b"001", b"0 1"),
    ):
        result = read_one(make(GOOD))
        assert result.identifier is None and result.record.get("001") is None
        assert any("123456789" in text for text in lost_texts(result.warnings))


def test_a_second_001_is_structural():
    [good] = [r.record for r in read_records(GOOD)]
    good.add_ordered_field(Field(tag="001", data="autre"))
    result = read_one(to_iso2709(good))
    assert result.identifier == "123456789"
    assert structural_repairs(result.warnings) == ["second champ 001 ('autre')"]


NORMALISATIONS = {
    "wrong base address": lambda raw: damage.base_address(raw, 99937),
    "wrong record length": lambda raw: damage.record_length(raw, 99999),
    "unreadable record length": lambda raw: b"abcde" + raw[5:],
    "upper-case subfield code": lambda raw: damage.subfield_code(raw, b"200", b"b", b"B"),
    "no record terminator at the end": lambda raw: raw[:-1],
    "latin-1 byte in a UTF-8 field": lambda raw: raw.replace("imprimé".encode(), b"imprim\xe9e"),
}


@pytest.mark.parametrize("kind", sorted(NORMALISATIONS))
def test_normalisations_leave_the_record_sound(kind):
    result = read_one(NORMALISATIONS[kind](GOOD))
    assert result.warnings, "the damage was not even noticed"
    assert not is_damaged(result), result.warnings
    assert all(isinstance(note, Normalisation) for note in result.warnings)
    assert result.identifier == "123456789"


def test_glued_records_are_split_and_both_sound():
    results = list(read_records(GOOD[:-1] + GOOD))
    assert [r.identifier for r in results] == ["123456789", "123456789"]
    assert results[0].warnings and not any(is_damaged(r) for r in results)


def test_the_pymarc_bad_records_file():
    results = list(read_records(DATA / "pymarc_bad_records.mrc"))
    # 2 and 3: only a wrong base address; 4 and 5: a 13-byte directory, re-read
    # from the field terminators; 7 cannot be read at all
    assert [r.ok and is_damaged(r) for r in results] == [
        False,
        False,
        False,
        True,
        True,
        False,
        False,
        False,
    ]
    assert results[1].warnings and results[2].warnings and results[6].error


def test_many_errors_file_every_record_is_classified():
    results = list(read_records(DATA / "marc4j_pride-and-prejudice-with-many-errors.mrc"))
    for result in results:
        assert all(isinstance(n, (StructuralRepair, Normalisation)) for n in result.warnings)
    assert any(is_damaged(r) for r in results)
    assert any(r.warnings and not is_damaged(r) for r in results)


XML = """<collection xmlns="http://www.loc.gov/MARC21/slim"><record>{leader}
<controlfield tag="001">42</controlfield>{fields}
<datafield tag="245" ind1="1" ind2="0"><subfield code="a">Titre</subfield></datafield>
</record></collection>"""
LEADER = "<leader>00000nam a2200000 a 4500</leader>"


def read_xml(fields="", leader=LEADER):
    return read_one(XML.format(leader=leader, fields=fields).encode())


def test_xml_structural_repairs():
    cases = {
        '<controlfield tag="1">x</controlfield>': "étiquette '1' lue comme '001'",
        '<datafield tag="2 0"><subfield code="a">x</subfield></datafield>': "étiquette '2 0'",
        '<datafield tag="020"><subfield code="">2-07</subfield></datafield>': (
            "champ 020 : sous-champ sans code valide ignoré"
        ),
        '<datafield tag="001"><subfield code="a">43</subfield></datafield>': (
            "champ de contrôle 001 écrit comme champ de données"
        ),
        '<controlfield tag="245">x</controlfield>': "champ 245 écrit comme champ de contrôle",
        '<controlfield tag="001">43</controlfield>': "second champ 001",
    }
    for fields, expected in cases.items():
        result = read_xml(fields)
        assert is_damaged(result), fields
        assert any(n.startswith(expected) for n in structural_repairs(result.warnings)), (
            fields,
            result.warnings,
        )


def test_xml_normalisations():
    cases = [
        ("", ""),  # no leader
        ('<datafield tag="500" ind1="#"><subfield code="a">x</subfield></datafield>', LEADER),
        ('<datafield tag="500"><subfield code="a"></subfield></datafield>', LEADER),
        ('<controlfield tag="FMT">BK</controlfield>', LEADER),  # Aleph's local tag
    ]
    for fields, leader in cases:
        result = read_xml(fields, leader)
        assert not is_damaged(result), result.warnings
        assert result.identifier == "42"
