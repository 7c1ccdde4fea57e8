"""UNIMARC: each Notice key, the zone it is read from, and how a change is written there.

The reverse of unimarc_mapping.TABLE, zone by zone (see patching.py for the zone
kinds).  ``patch_unimarc`` applies the centre's changes to a copy of the kept record.

Pure Python (pymarc only), no Zope.
"""

from pymarc import Subfield

from . import unimarc_mapping as mapping
from .common_mapping import clean_isbn
from .common_mapping import item_of
from .extract import year_of
from .patch_subjects import Territories
from .patch_subjects import Themes
from .patching import Control
from .patching import First
from .patching import Joined
from .patching import PerField
from .patching import copy_record
from .patching import data_fields
from .patching import insert_field
from .patching import new_field
from .text import clean
from .unimarc_builder import _HIERARCHY
from .unimarc_builder import DOCUMENT_TYPE_LEADER
from .unimarc_builder import _author_fields
from .unimarc_builder import _collation_field
from .unimarc_builder import _item_fields
from .unimarc_builder import non_filing_title
from .vocabulary import TERRITORY_NAMES


class Title:
    """200$a ($h, $i) of the first 200: one $a, its leading article marked non-filing."""

    def apply(self, record, value, notice):
        text = non_filing_title(str(value or "").strip())
        if not text:
            return  # a record keeps its title
        fields = data_fields(record, ("200",))
        if not fields:
            insert_field(record, new_field("200", "1", " ", [("a", text)]))
            return
        kept, position = [], None
        for subfield in fields[0].subfields:
            if subfield.code in "ahi":
                position = len(kept) if position is None else position
            else:
                kept.append(subfield)
        kept.insert(position or 0, Subfield("a", text))
        fields[0].subfields = kept


class Collation:
    """215 $a : $c ; $d + $e of the first 215 that has one."""

    def apply(self, record, value, notice):
        built = _collation_field(str(value or "").strip()) if value else None
        for field in data_fields(record, ("215",)):
            if mapping.collation_of(field):
                kept = [s for s in field.subfields if s.code not in "acde"]
                field.subfields = (built.subfields if built else []) + kept
                if not field.subfields:
                    record.fields.remove(field)
                return
        if built is not None:
            insert_field(record, built)


class DocumentType:
    """Leader/06-08 (995$r, when present, still names the copies' own type)."""

    def apply(self, record, value, notice):
        if value not in DOCUMENT_TYPE_LEADER:
            return
        record_type, level = DOCUMENT_TYPE_LEADER[value]
        leader = str(record.leader).ljust(24)
        record.leader = leader[:6] + record_type + level + _HIERARCHY[level] + leader[9:]


def _year_text(value):
    return str(year_of(value) or "")


def _values(code, cleaner=clean):
    def values_of(field):
        return [v for v in (cleaner(x) for x in field.get_subfields(code)) if v]

    return values_of


def _one(read):
    def values_of(field):
        value = read(field)
        return [value] if value else []

    return values_of


def _subject(value, notice):
    names = {TERRITORY_NAMES.get(t, t).lower() for t in notice.get("territory") or []}
    if value.strip().lower() in names:
        return new_field("607", " ", " ", [("a", value.strip())])
    parts = [p.strip() for p in value.split("--") if p.strip()]
    return new_field("606", " ", " ", [("a", parts[0])] + [("x", p) for p in parts[1:]])


def _simple(tag, ind1=" ", ind2=" ", code="a"):
    return lambda value, notice: new_field(tag, ind1, ind2, [(code, str(value).strip())])


ZONES = (
    ("cosoter_id", Control("001")),
    ("title", Title()),
    ("subtitle", Joined("200", "e", " : ", new=("1", " "))),
    ("responsibility", Joined("200", "fg", " ; ", new=("1", " "))),
    ("edition", First("205a")),
    ("place", First(("210a", "214a"))),
    ("publisher", First(("210c", "214c"))),
    ("year", First(("210d", "214d"), cleaner=_year_text)),
    ("collation", Collation()),
    ("collection", First(("225a", "410t", "411t"), new=("2", " "))),
    ("collection_number", First("225v", new=("2", " "))),
    ("isbn", PerField(("010",), _values("a", clean_isbn), _simple("010"), strip="abz")),
    ("issn", First("011a")),
    ("ean", First("345b")),
    ("price", First("010d")),
    ("language", First("101a", new=("0", " "))),
    ("notes", PerField(("300",), _values("a"), _simple("300"), separator="\n")),
    ("contents", Joined("327", "a", " ; ", new=("1", " "))),
    ("summary", PerField(("330",), _values("a"), _simple("330"), separator="\n")),
    ("descriptors", PerField(mapping.SUBJECT_TAGS, _one(mapping.subject_heading), _subject)),
    ("keywords", PerField(("610",), _values("a"), _simple("610", "0"))),
    ("dewey", First("676a")),
    ("urls", PerField(("856",), _values("u", str.strip), _simple("856", "4", " ", "u"))),
    (
        "authors",
        PerField(
            tuple(mapping.ROLES),
            _one(mapping.author_entry),
            lambda value, notice: _author_fields([value]),
        ),
    ),
    (
        "items",
        PerField(
            ("995",),
            _one(lambda field: item_of(field, mapping.ITEM_LAYOUT)),
            lambda value, notice: _item_fields({**notice, "items": [value]}),
        ),
    ),
    ("series_title", First(("461t", "464t"), new=(" ", "0"))),
    ("document_type", DocumentType()),
)
THEMES = Themes(mapping.themes, mapping.subject_heading, "606", (" ", " "), "610")
TERRITORIES = Territories("607", (" ", " "))
PATCHED_KEYS = tuple(key for key, _zone in ZONES) + ("themes", "territory")


def patch_unimarc(original, changes: dict, notice: dict):
    """A copy of ``original`` with ``changes`` (Notice key -> new value) written in.

    ``notice`` is the whole Notice (a new copy's 995$r takes its document type, a
    new descriptor naming one of its territories goes to 607).
    """
    record = copy_record(original)
    for key, zone in ZONES:
        if key in changes:
            zone.apply(record, changes[key], notice)
    if changes.keys() & {"themes", "descriptors", "keywords"}:
        THEMES.apply(record, notice.get("themes"), notice)
    if changes.keys() & {"territory", "descriptors"}:
        TERRITORIES.apply(record, notice.get("territory"), notice)
    return record
