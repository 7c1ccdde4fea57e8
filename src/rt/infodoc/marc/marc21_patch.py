"""MARC 21: each Notice key, the zone it is read from, and how a change is written there.

The reverse of marc21_mapping.TABLE, for a Notice whose kept record is MARC 21 (its
MARCXML goes out as that record with the centre's changes).  Zone kinds: patching.py.

Pure Python (pymarc only), no Zope.
"""

from pymarc import Indicators
from pymarc import Subfield

from . import marc21_mapping as mapping
from .common_mapping import clean_isbn
from .common_mapping import item_of
from .extract import field_parts
from .extract import year_of
from .marc21 import RECORD_TYPES
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
from .text import clean_final_period
from .unimarc_builder import _ARTICLES
from .unimarc_builder import DOCUMENT_TYPE_LEADER
from .vocabulary import TERRITORY_NAMES


def _non_filing(title):
    lowered = title.lower()
    for article in _ARTICLES:
        if lowered.startswith(article) and len(title) > len(article):
            return str(min(len(article), 9))
    return "0"


class Title:
    """245$a ($n, $p) of the first 245; ind2 counts the leading article."""

    def apply(self, record, value, notice):
        text = str(value or "").strip()
        if not text:
            return
        fields = data_fields(record, ("245",))
        if not fields:
            insert_field(record, new_field("245", "0", _non_filing(text), [("a", text)]))
            return
        field = fields[0]
        kept, position = [], None
        for subfield in field.subfields:
            if subfield.code in "anp":
                position = len(kept) if position is None else position
            else:
                kept.append(subfield)
        kept.insert(position or 0, Subfield("a", text))
        field.subfields = kept
        field.indicators = Indicators(field.indicator1, _non_filing(text))


def _collation_of(field):
    layout = (("a", ""), ("b", " : "), ("c", " ; "), ("e", " + "))
    return clean_final_period(field_parts(field, layout))


class Collation:
    """300 $a : $b ; $c + $e of the first 300 that has one."""

    def apply(self, record, value, notice):
        text = str(value or "").strip()
        rest, _, accompanying = text.partition(" + ")
        rest, _, dimensions = rest.partition(" ; ")
        extent, _, other = rest.partition(" : ")
        parts = [("a", extent), ("b", other), ("c", dimensions), ("e", accompanying)]
        built = [Subfield(c, v.strip()) for c, v in parts if v.strip()]
        for field in data_fields(record, ("300",)):
            if _collation_of(field):
                field.subfields = built + [s for s in field.subfields if s.code not in "abce"]
                if not field.subfields:
                    record.fields.remove(field)
                return
        if built:
            insert_field(record, new_field("300", " ", " ", [(s.code, s.value) for s in built]))


class Language:
    """008/35-37 when the record has a 008, else 041$a."""

    first = First("041a", new=("0", " "))

    def apply(self, record, value, notice):
        code = str(value or "").strip()
        for field in record.fields:
            if field.tag == "008" and len(field.data or "") >= 38:
                field.data = field.data[:35] + (code or "und")[:3].ljust(3) + field.data[38:]
                return
        self.first.apply(record, code, notice)


class DocumentType:
    """Leader/06-07."""

    def apply(self, record, value, notice):
        if value not in DOCUMENT_TYPE_LEADER:
            return
        record_type, level = DOCUMENT_TYPE_LEADER[value]
        leader = str(record.leader).ljust(24)
        record.leader = leader[:6] + RECORD_TYPES.get(record_type, "a") + level + leader[8:]


def _values(code, cleaner=clean):
    def values_of(field):
        return [v for v in (cleaner(x) for x in field.get_subfields(code)) if v]

    return values_of


def _one(read):
    def values_of(field):
        value = read(field)
        return [value] if value else []

    return values_of


def _simple(tag, ind1=" ", ind2=" ", code="a"):
    return lambda value, notice: new_field(tag, ind1, ind2, [(code, str(value).strip())])


def _subject(value, notice):
    names = {TERRITORY_NAMES.get(t, t).lower() for t in notice.get("territory") or []}
    if value.strip().lower() in names:
        return new_field("651", " ", "4", [("a", value.strip())])
    parts = [p.strip() for p in value.split("--") if p.strip()]
    return new_field("650", " ", "4", [("a", parts[0])] + [("x", p) for p in parts[1:]])


def _author(value, notice):
    corporate = value.get("kind") == "corporate"
    main = value.get("role") == "main"
    tag = ("1" if main else "7") + ("10" if corporate else "00")
    function = str(value.get("function") or "").strip()
    return new_field(tag, "2" if corporate else "1", " ", [("a", value["name"]), ("4", function)])


def _item(value, notice):
    pairs = [("b", value.get("site", "")), ("c", value.get("section", ""))]
    pairs += [("h", value.get("call_number", "")), ("p", value.get("barcode", ""))]
    return new_field("852", " ", " ", pairs)


def _year_text(value):
    return str(year_of(value) or "")


ZONES = (
    ("cosoter_id", Control("001")),
    ("title", Title()),
    ("subtitle", Joined("245", "b", " : ", new=("0", "0"), cleaner=clean_final_period)),
    ("responsibility", Joined("245", "c", " ; ", new=("0", "0"), cleaner=clean_final_period)),
    ("edition", First("250a", cleaner=clean_final_period)),
    ("place", First(("260a", "264a"))),
    ("publisher", First(("260b", "264b"))),
    ("year", First(("260c", "264c"), cleaner=_year_text)),
    ("collation", Collation()),
    ("collection", First(("490a", "830a"), new=("0", " "), cleaner=clean_final_period)),
    ("collection_number", First("490v", new=("0", " "))),
    ("isbn", PerField(("020",), _values("a", clean_isbn), _simple("020"), strip="aq")),
    ("issn", First("022a")),
    ("ean", First("024a", new=("3", " "), accept=lambda field: field.indicator1 == "3")),
    ("price", First("020c")),
    ("language", Language()),
    ("notes", PerField(("500",), _values("a"), _simple("500"), separator="\n")),
    ("contents", Joined("505", "a", " ; ", new=("0", " "))),
    ("summary", PerField(("520",), _values("a"), _simple("520"), separator="\n")),
    ("descriptors", PerField(mapping.SUBJECT_TAGS, _one(mapping.subject_heading), _subject)),
    ("keywords", PerField(("653",), _values("a"), _simple("653"))),
    ("dewey", First("082a", new=("0", "4"))),
    ("urls", PerField(("856",), _values("u", str.strip), _simple("856", "4", "0", "u"))),
    (
        "authors",
        PerField(("100", "110", "111", "700", "710", "711"), _one(mapping.author_entry), _author),
    ),
    (
        "items",
        PerField(("852",), _one(lambda field: item_of(field, mapping.ITEM_LAYOUT)), _item),
    ),
    ("series_title", First("773t", new=("0", " "), cleaner=clean_final_period)),
    ("document_type", DocumentType()),
)
THEMES = Themes(mapping.themes, mapping.subject_heading, "650", (" ", "4"), "653")
TERRITORIES = Territories("651", (" ", "4"))
PATCHED_KEYS = tuple(key for key, _zone in ZONES) + ("themes", "territory")


def patch_marc21(original, changes: dict, notice: dict):
    """A copy of ``original`` (MARC 21) with ``changes`` written in."""
    record = copy_record(original)
    for key, zone in ZONES:
        if key in changes:
            zone.apply(record, changes[key], notice)
    if changes.keys() & {"themes", "descriptors", "keywords"}:
        THEMES.apply(record, notice.get("themes"), notice)
    if changes.keys() & {"territory", "descriptors"}:
        TERRITORIES.apply(record, notice.get("territory"), notice)
    return record
