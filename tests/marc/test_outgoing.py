"""One outgoing record per Notice: the real third-party files of tests/data/marc go
through import (mapping + the kept record, as the importer stores them), export
(marc.outgoing, then each writer) and re-import (the importer's reader), and every
subfield of every zone PMB reads comes back identical."""

import unicodedata
from pathlib import Path

import pytest
from pymarc import Field
from pymarc import Indicators
from pymarc import Subfield

from rt.infodoc.marc.flavour import MARC21
from rt.infodoc.marc.flavour import UNIMARC
from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.outgoing import Outgoing
from rt.infodoc.marc.outgoing import kept_record
from rt.infodoc.marc.outgoing import local_changes
from rt.infodoc.marc.outgoing import outgoing_marc21
from rt.infodoc.marc.outgoing import outgoing_unimarc
from rt.infodoc.marc.reader import read_records
from rt.infodoc.marc.unimarc_builder import NSB
from rt.infodoc.marc.unimarc_builder import NSE
from rt.infodoc.marc.writers import marcxml_collection
from rt.infodoc.marc.writers import pmb_xml_collection
from rt.infodoc.marc.writers import to_iso2709
from rt.infodoc.marc.writers import unimarc_slim_collection

DATA = Path(__file__).parent.parent / "data" / "marc"

#: The zones PMB reads from a UNIMARC record (issue 11).
PMB_TAGS = frozenset(
    "001 010 011 101 200 205 210 214 215 225 300 327 330 345 410 411 461 464 "
    "600 601 602 603 604 605 606 607 610 676 686 700 701 702 710 711 712 801 856 995".split()
)
#: Their MARC 21 counterparts, for the records kept as MARC 21.
MARC21_TAGS = frozenset(
    "001 020 022 024 040 041 082 084 100 110 111 245 246 250 260 264 300 490 500 505 520 "
    "600 610 611 630 648 650 651 653 700 710 711 773 830 852 856".split()
)
# The well-formed real files (the damaged ones belong to the importer's own tests).
UNIMARC_FILES = ("marcjs_bib.mrc", "marcjs_bib.xml", "pymarc_testunimarc.dat")
MARC21_FILES = (
    "marc4j_brkrtest.mrc",
    "marc4j_chabon.xml",
    "marc4j_pride-and-prejudice-fixed.mrc",
    "pymarc_batch.xml",
    "pymarc_marc8.dat",
    "pymarc_utf8_with_leader_flag.dat",
    "pymarc_utf8_without_leader_flag.dat",
)


def imported(name, flavour):
    """(Notice dict, kept record) of each sound record of a file, as the importer
    stores them: the mapped fields, and the record as UTF-8 ISO 2709 text."""
    found = []
    for result in read_records(DATA / name):
        if not result.ok or result.flavour != flavour:
            continue
        stored = to_iso2709(result.record).decode("utf-8")
        original, kept_flavour = kept_record(stored, flavour)
        assert kept_flavour == flavour
        found.append((to_notice(result.record, flavour), original))
    assert found, name
    return found


def zones(record, tags):
    """The zones of ``tags``, subfield by subfield, in record order."""
    out = []
    for field in record.fields:
        if field.tag not in tags:
            continue
        if field.is_control_field():
            out.append((field.tag, field.data))
        else:
            subfields = [(s.code, s.value) for s in field.subfields]
            out.append((field.tag, field.indicator1, field.indicator2, subfields))
    return out


def reimported(data, flavour):
    results = list(read_records(data))
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    assert {r.flavour for r in results} == {flavour}
    return [r.record for r in results]


def nfc(zone_list):
    """The XML reader composes characters (NFC): an ISO 2709 record written with
    decomposed accents comes back composed through XML, and only then."""
    return [
        tuple(
            [(c, unicodedata.normalize("NFC", v)) for c, v in part]
            if isinstance(part, list)
            else part
            for part in zone
        )
        for zone in zone_list
    ]


def unimarc_channels(records):
    """ISO 2709 (Notice and basket export), UNIMARC slim (export and OAI unimarc),
    PMB XML (OAI pmb_xml_unimarc)."""
    yield "iso2709", b"".join(to_iso2709(r) for r in records), False
    yield "unimarc slim", _xml(unimarc_slim_collection(records)), True
    yield "pmb xml", _xml(pmb_xml_collection(records)), True


def _xml(element):
    from lxml import etree

    return etree.tostring(element, encoding="utf-8", xml_declaration=True)


@pytest.mark.parametrize("name", UNIMARC_FILES)
def test_unimarc_round_trip_loses_no_subfield(name):
    notices = imported(name, UNIMARC)
    sent = [outgoing_unimarc(notice, original, UNIMARC) for notice, original in notices]
    for channel, data, composed in unimarc_channels(sent):
        back = reimported(data, UNIMARC)
        assert len(back) == len(notices), channel
        for (notice, original), record in zip(notices, back, strict=True):
            expected = zones(original, PMB_TAGS)
            got = zones(record, PMB_TAGS)
            if composed:
                expected, got = nfc(expected), nfc(got)
            assert got == expected, (channel, notice.get("cosoter_id"))
            assert to_notice(record, UNIMARC) == notice, channel


@pytest.mark.parametrize("name", MARC21_FILES)
def test_marc21_round_trip_loses_no_subfield(name):
    notices = imported(name, MARC21)
    sent = [outgoing_marc21(notice, original, MARC21) for notice, original in notices]
    channels = (
        ("iso2709", b"".join(to_iso2709(r) for r in sent), False),
        ("marcxml", _xml(marcxml_collection(sent)), True),
    )
    for channel, data, composed in channels:
        back = reimported(data, MARC21)
        for (notice, original), record in zip(notices, back, strict=True):
            expected = zones(original, MARC21_TAGS)
            got = zones(record, MARC21_TAGS)
            if composed:
                expected, got = nfc(expected), nfc(got)
            assert got == expected, (channel, notice.get("cosoter_id"))
            assert to_notice(record, MARC21) == notice, channel


def _corrected(notice):
    """The centre's usual changes: a corrected title, a theme and a territory."""
    changed = dict(notice)
    changed["title"] = "Les " + notice.get("title", "Sans titre") + " (corrigé)"
    changed["themes"] = list(notice.get("themes") or []) + ["parentalite"]
    changed["territory"] = list(notice.get("territory") or []) + ["34"]
    return changed


#: What a title correction, an added theme and an added territory may change in
#: the zones PMB reads, and why.  Everything else comes back identical.
ALLOWED_UNIMARC = {
    # the new title in one $a (its parts $h $i were part of the old title text),
    # the leading article between non-sorting markers (NSB/NSE) so that PMB files
    # "Les ..." under its first real word
    "200": "title",
    # the added theme and territory: one heading each, under the label the
    # mapping reads back as that theme or territory
    "606": "theme",
    "607": "territory",
}
ALLOWED_MARC21 = {
    "245": "title: one $a, ind2 counts the leading article (MARC 21's non-filing rule)",
    "650": "theme: one heading under its label",
    "651": "territory: one heading under its name",
}


def _without(zone_list, tags):
    return [z for z in zone_list if z[0] not in tags]


@pytest.mark.parametrize(
    "name,flavour,allowed",
    [(n, UNIMARC, ALLOWED_UNIMARC) for n in UNIMARC_FILES]
    + [(n, MARC21, ALLOWED_MARC21) for n in MARC21_FILES],
)
def test_local_changes_go_out_and_nothing_else_moves(name, flavour, allowed):
    for notice, original in imported(name, flavour):
        changed = _corrected(notice)
        outgoing = Outgoing(changed, original, flavour)
        kept_before = (str(original.leader), zones(original, {f.tag for f in original.fields}))
        record = outgoing.unimarc() if flavour == UNIMARC else outgoing.marc21()
        # the kept record itself is never touched
        assert (str(original.leader), zones(original, {f.tag for f in original.fields})) == (
            kept_before
        )
        (back,) = reimported(to_iso2709(record), flavour)
        mapped = to_notice(back, flavour)
        assert mapped["title"] == changed["title"]
        assert "parentalite" in mapped["themes"] and "34" in mapped["territory"]
        assert set(mapped["themes"]) == set(changed["themes"])
        assert set(mapped["territory"]) == set(changed["territory"])
        tags = PMB_TAGS if flavour == UNIMARC else MARC21_TAGS
        assert _without(zones(back, tags), allowed) == _without(zones(original, tags), allowed)
        # in the allowed zones, the record's own headings are all still there
        for zone in zones(original, tags):
            if zone[0] in allowed and zone[0] not in ("200", "245"):
                assert zone in zones(back, tags), zone
        if flavour == UNIMARC:
            title = zones(back, {"200"})[0][3][0][1]
            assert title.startswith(NSB + "Les " + NSE)


def test_the_title_correction_keeps_the_other_200_subfields():
    notice, original = imported("marcjs_bib.mrc", UNIMARC)[0]
    before = zones(original, {"200"})[0]
    record = outgoing_unimarc({**notice, "title": "Titre corrigé"}, original, UNIMARC)
    after = zones(record, {"200"})[0]
    assert after[3][0] == ("a", "Titre corrigé")
    assert [s for s in after[3] if s[0] not in "ahi"] == [s for s in before[3] if s[0] not in "ahi"]
    assert after[1:3] == before[1:3]


def test_every_key_changed_in_the_site_goes_out():
    notice, original = imported("marcjs_bib.mrc", UNIMARC)[2]
    changed = {
        **notice,
        "subtitle": "un complément",
        "responsibility": "sous la direction de Jeanne Dupré",
        "authors": (notice.get("authors") or [])[1:]
        + [{"name": "Dupré, Jeanne", "role": "secondary", "kind": "person", "function": "651"}],
        "edition": "2e éd.",
        "place": "Toulouse",
        "publisher": "Ressources & Territoires",
        "year": 2021,
        "collation": "120 p. : ill. ; 24 cm",
        "collection": "Les cahiers du centre",
        "collection_number": "7",
        "isbn": ["978-2-11-000000-1"],
        "issn": "1234-5678",
        "ean": "9782110000001",
        "price": "12 EUR",
        "language": "eng",
        "notes": "Note du centre\nDeuxième note",
        "contents": "Un ; Deux",
        "summary": "Résumé revu par le centre.",
        "descriptors": (notice.get("descriptors") or [])[1:] + ["Illettrisme -- Entreprise"],
        "keywords": ["compétences de base"],
        "dewey": "374.012",
        "urls": ["https://example.org/guide.pdf"],
        "cosoter_id": "RT-1",
        "items": [{"barcode": "RT0001", "call_number": "374 DUP", "site": "toulouse"}],
        "series_title": "Revue du centre",
        "themes": ["savoirs-de-base"],
        "territory": ["31"],
    }
    record = outgoing_unimarc(changed, original, UNIMARC)
    (back,) = reimported(to_iso2709(record), UNIMARC)
    mapped = to_notice(back, UNIMARC)
    for key, value in changed.items():
        if key in ("themes", "territory", "descriptors", "items", "sort_title", "support"):
            continue
        assert mapped.get(key) == value, key
    assert "savoirs-de-base" in mapped["themes"] and mapped["territory"] == ["31"]
    for descriptor in changed["descriptors"]:
        assert descriptor in mapped["descriptors"]
    assert mapped["items"][0]["barcode"] == "RT0001"
    # what the Notice does not hold stays: 801 (origin), 100, the 856 of kept URLs...
    assert zones(back, {"801"}) == zones(original, {"801"})


def test_unchanged_notice_goes_out_as_its_kept_record():
    for notice, original in imported("marcjs_bib.mrc", UNIMARC):
        assert local_changes(notice, original, UNIMARC) == {}
        sent = outgoing_unimarc(notice, original, UNIMARC)
        assert zones(sent, PMB_TAGS) == zones(original, PMB_TAGS)
        assert str(sent.leader)[20:24] == "450 "
        coded = sent["100"]["a"] if sent["100"] else None
        assert coded is None or coded[26:30] == "50  "  # the bytes written are UTF-8


def test_a_value_the_notice_could_not_hold_is_not_a_deletion():
    """The importer drops a value its schema refuses (an URL with a space, say): the
    Notice then lacks it, but the centre did not delete it."""
    _notice, original = imported("marcjs_bib.mrc", UNIMARC)[0]
    original.add_ordered_field(
        Field(
            tag="856",
            indicators=Indicators("4", " "),
            subfields=[Subfield("u", "http://exemple.org/un rapport.pdf"), Subfield("z", "PDF")],
        )
    )
    notice = to_notice(original, UNIMARC)
    assert notice["urls"] == ["http://exemple.org/un rapport.pdf"]
    without = {k: v for k, v in notice.items() if k != "urls"}

    def hold(key, value):
        return [] if key == "urls" else value

    assert "urls" in local_changes(without, original, UNIMARC)
    assert local_changes(without, original, UNIMARC, hold) == {}
    sent = outgoing_unimarc(without, original, UNIMARC, hold=hold)
    assert zones(sent, {"856"}) == zones(original, {"856"})


def test_a_field_the_notice_never_stored_is_not_a_deletion():
    notice, original = imported("marcjs_bib.mrc", UNIMARC)[2]
    only_title = {"title": notice["title"], "themes": ["jeunesse"]}
    changes = local_changes(only_title, original, UNIMARC, stored={"title", "themes"})
    assert changes == {"themes": ["jeunesse"]}
    sent = outgoing_unimarc(only_title, original, UNIMARC, stored={"title", "themes"})
    assert _without(zones(sent, PMB_TAGS), {"606"}) == _without(zones(original, PMB_TAGS), {"606"})


def test_a_notice_catalogued_in_the_site_gets_a_complete_record():
    notice = {
        "title": "Le guide des ateliers",
        "authors": [{"name": "Dupré, Jeanne", "role": "main", "kind": "person"}],
        "publisher": "Ressources & Territoires",
        "place": "Toulouse",
        "year": 2024,
        "isbn": ["978-2-11-000000-1"],
        "summary": "Un guide.",
        "descriptors": ["Illettrisme"],
        "themes": ["savoirs-de-base"],
        "territory": ["31"],
        "document_type": "guide-methodologique",
        "urls": ["https://example.org/guide.pdf"],
    }
    outgoing = Outgoing(notice, record_id="uid-1")
    (back,) = reimported(to_iso2709(outgoing.unimarc()), UNIMARC)
    mapped = to_notice(back, UNIMARC)
    for key in ("title", "publisher", "place", "year", "isbn", "summary", "urls"):
        assert mapped[key] == notice[key], key
    # an author without a function goes out as 070 (Auteur): PMB wants a relator code
    assert mapped["authors"] == [{**notice["authors"][0], "function": "070"}]
    assert mapped["cosoter_id"] == "uid-1"
    assert mapped["themes"] == ["savoirs-de-base"] and mapped["territory"] == ["31"]
    assert outgoing.marc21()["245"]["a"].startswith("Le guide des ateliers")


def test_marc21_conversion_carries_the_local_changes():
    notice, original = imported("marcjs_bib.mrc", UNIMARC)[0]
    changed = {**notice, "themes": ["jeunesse"]}
    marc21 = Outgoing(changed, original, UNIMARC).marc21()
    assert "Jeunesse" in [f["a"] for f in marc21.get_fields("650")]
    assert str(marc21.leader)[20:24] == "4500"


def test_removed_theme_territory_descriptor_and_url_leave_the_rest():
    _notice, original = imported("marcjs_bib.mrc", UNIMARC)[2]
    for tag, ind2, pairs in (
        ("606", " ", [("a", "Parentalité")]),
        ("606", " ", [("a", "Illettrisme"), ("y", "France")]),
        ("607", " ", [("a", "Hérault")]),
        ("856", " ", [("u", "http://exemple.org/a.pdf"), ("z", "Texte intégral")]),
        ("856", " ", [("u", "http://exemple.org/b.pdf"), ("z", "Sommaire")]),
    ):
        subfields = [Subfield(c, v) for c, v in pairs]
        original.add_ordered_field(Field(tag, Indicators(" ", ind2), subfields))
    notice = to_notice(original, UNIMARC)
    assert notice["themes"] == ["parentalite", "savoirs-de-base"] and notice["territory"] == ["34"]
    changed = {
        **notice,
        "themes": ["savoirs-de-base"],
        "territory": [],
        "urls": ["http://exemple.org/b.pdf"],
    }
    sent = outgoing_unimarc(changed, original, UNIMARC)
    mapped = to_notice(sent, UNIMARC)
    assert mapped["themes"] == ["savoirs-de-base"] and "territory" not in mapped
    # the label heading went with its theme; the descriptor that implies the other
    # theme stays whole (606$y), so does the kept URL's 856$z
    assert zones(sent, {"606"}) == [("606", " ", " ", [("a", "Illettrisme"), ("y", "France")])]
    assert zones(sent, {"607"}) == []
    assert zones(sent, {"856"}) == [
        ("856", " ", " ", [("u", "http://exemple.org/b.pdf"), ("z", "Sommaire")])
    ]
    drop = {"606", "607", "856"}
    assert _without(zones(sent, PMB_TAGS), drop) == _without(zones(original, PMB_TAGS), drop)


def test_the_outgoing_core_imports_no_zope():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import rt.infodoc.marc.outgoing\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('Zope2', 'Products', 'plone', 'App', 'OFS', 'ZPublisher', 'Acquisition', 'ZODB')"
        " or m.startswith(('zope.component', 'zope.interface', 'zope.schema')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
