"""UNIMARC -> Notice dict: the mapping table (see docs/notice-fields.md)."""

from . import common_mapping as common
from .extract import FieldIndex
from .extract import every
from .extract import field_parts
from .extract import first
from .extract import first_year
from .extract import heading
from .extract import joined
from .extract import year_of
from .matching import match_territories
from .matching import match_themes
from .text import clean

ROLES = {
    "700": "main",
    "701": "coauthor",
    "702": "secondary",
    "710": "main",
    "711": "coauthor",
    "712": "secondary",
}
SUBJECT_TAGS = ("600", "601", "602", "604", "605", "606", "607", "608")


def _title(index: FieldIndex):
    for field in index.fields("200"):
        main = [v for c, v in field.subfields if c == "a"]
        rest = [(". ", v) for c, v in field.subfields if c == "h"]
        rest += [(", ", v) for c, v in field.subfields if c == "i"]
        return common.title_and_sort(main, rest)
    return None, None


def title(index):
    return index.cached("title", _title)[0]


def sort_title(index):
    return index.cached("title", _title)[1]


def author_entry(field) -> dict | None:
    """The author entry of one 70X/71X field (also used to patch a kept record)."""
    if field.tag < "710":
        name, kind = common.person_name(field, "b"), "person"
    else:
        name, kind = common.corporate_name(field), "corporate"
    return common.author(name, ROLES[field.tag], kind, clean(field.get("4") or "") or None)


def authors(index: FieldIndex):
    found = []
    for tag in ROLES:
        for field in index.fields(tag):
            entry = author_entry(field)
            if entry:
                found.append(entry)
    return found or None


def year(index: FieldIndex):
    found = first_year(("210d", "214d"))(index)
    if found:
        return found
    for value in index.values("100", "a"):
        return year_of(value[9:13]) if value[9:13].isdigit() else None
    return None


def collation_of(field) -> str:
    return field_parts(field, (("a", ""), ("c", " : "), ("d", " ; "), ("e", " + ")))


def collation(index: FieldIndex):
    for field in index.fields("215"):
        value = collation_of(field)
        if value:
            return value
    return None


def subject_heading(field) -> str:
    """The descriptor of one 60X field: $a, then $j $x $y $z as " -- " subdivisions."""
    value = heading(field, "a", "jxyz")
    if field.tag == "600" and field.get("b"):
        value = value.replace(clean(field.get("a") or ""), common.person_name(field, "b"), 1)
    return value


def descriptors(index: FieldIndex):
    found = []
    for tag in SUBJECT_TAGS:
        for field in index.fields(tag):
            value = subject_heading(field)
            if value and value not in found:
                found.append(value)
    return found or None


def document_type(index: FieldIndex):
    for value in index.values("995", "r"):
        token = common.document_type_from_label(value, index.leader)
        if token:
            return token
    return common.document_type_from_leader(index.leader)


def support(index: FieldIndex):
    if index.fields("995"):
        return "papier"
    has_url = any(v.strip() for v in index.values("856", "u"))
    return "electronique" if has_url else "papier"


def themes(index: FieldIndex):
    values = [heading(f, "a", "jxyz") for f in index.fields("606")]
    values += list(index.values("610", "a"))
    return match_themes(values) or None


def territory(index: FieldIndex):
    return match_territories(index.values("607", "a")) or None


ITEM_LAYOUT = {
    "barcode": "f",
    "call_number": "k",
    "doc_type": "r",
    "section": "q",
    "status": "o",
    "site": "b",
}


def items(index: FieldIndex):
    return common.items(index, "995", ITEM_LAYOUT)


def cosoter_id(index: FieldIndex):
    return index.control("001").strip() or None


TABLE = (
    ("title", title),
    ("sort_title", sort_title),
    ("subtitle", joined("200e", " : ")),
    ("responsibility", joined("200fg", " ; ")),
    ("authors", authors),
    ("edition", first("205a")),
    ("place", first(("210a", "214a"))),
    ("publisher", first(("210c", "214c"))),
    ("year", year),
    ("collation", collation),
    ("collection", first(("225a", "410t", "411t"))),
    ("collection_number", first("225v")),
    ("isbn", every("010a", common.clean_isbn)),
    ("issn", first("011a")),
    ("ean", first("345b")),
    ("price", first("010d")),
    ("language", first("101a")),
    ("notes", joined("300a", "\n")),
    ("contents", joined("327a", " ; ")),
    ("summary", joined("330a", "\n")),
    ("descriptors", descriptors),
    ("keywords", every("610a")),
    ("dewey", first("676a")),
    ("document_type", document_type),
    ("support", support),
    ("urls", every("856u", str.strip)),
    ("themes", themes),
    ("territory", territory),
    ("cosoter_id", cosoter_id),
    ("items", items),
    ("series_title", first(("461t", "464t"))),
)
