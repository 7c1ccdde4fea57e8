"""MARC21 -> Notice dict: the mapping table (see docs/notice-fields.md)."""

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
from .text import clean_final_period

MAIN_ENTRIES = (("100", "person"), ("110", "corporate"), ("111", "corporate"))
ADDED_ENTRIES = (("700", "person"), ("710", "corporate"), ("711", "corporate"))
AUTHOR_FUNCTIONS = ("aut", "author", "auteur", "070")
SUBJECT_TAGS = ("600", "610", "611", "630", "648", "650", "651")
_BOOK_CONTENTS = {"m": "memoire", "l": "texte-officiel", "t": "rapport"}


def _title(index: FieldIndex):
    for field in index.fields("245"):
        skip = int(field.indicator2) if field.indicator2.isdigit() else 0
        main = [v for c, v in field.subfields if c == "a"]
        rest = [(". ", v) for c, v in field.subfields if c == "n"]
        rest += [(", ", v) for c, v in field.subfields if c == "p"]
        return common.title_and_sort(main, rest, skip)
    return None, None


def title(index):
    return index.cached("title", _title)[0]


def sort_title(index):
    return index.cached("title", _title)[1]


def _function(field) -> str | None:
    code = clean(field.get("4") or "")
    if code:
        return code
    term = clean_final_period(field.get("e") or "")
    return term or None


_KINDS = dict(MAIN_ENTRIES + ADDED_ENTRIES)


def author_entry(field) -> dict | None:
    """The author entry of one 1XX/7XX field (also used to patch a kept record)."""
    kind = _KINDS[field.tag]
    name = common.person_name(field) if kind == "person" else common.corporate_name(field)
    function = _function(field)
    if field.tag.startswith("1"):
        role = "main"
    elif function is None or function.lower() in AUTHOR_FUNCTIONS:
        role = "coauthor"
    else:
        role = "secondary"
    return common.author(name, role, kind, function)


def authors(index: FieldIndex):
    found = []
    for entries in (MAIN_ENTRIES, ADDED_ENTRIES):
        for tag, _kind in entries:
            for field in index.fields(tag):
                entry = author_entry(field)
                if entry:
                    found.append(entry)
    return found or None


def year(index: FieldIndex):
    found = first_year(("260c", "264c"))(index)
    if found:
        return found
    fixed = index.control("008")
    return year_of(fixed[7:11]) if fixed[7:11].isdigit() else None


def language(index: FieldIndex):
    fixed = index.control("008")
    code = fixed[35:38].strip().lower()
    if len(code) == 3 and code.isalpha() and code not in ("und", "zxx"):
        return code
    return first("041a")(index)


def collation(index: FieldIndex):
    for field in index.fields("300"):
        value = field_parts(field, (("a", ""), ("b", " : "), ("c", " ; "), ("e", " + ")))
        if value:
            return clean_final_period(value)
    return None


def ean(index: FieldIndex):
    for field in index.fields("024"):
        if field.indicator1 == "3":
            value = clean(field.get("a") or "")
            if value:
                return value
    return None


def subject_heading(field) -> str:
    """The descriptor of one 6XX field."""
    main = "abcdq" if field.tag in ("600", "610", "611") else "a"
    return clean_final_period(heading(field, main, "vxyz"))


def descriptors(index: FieldIndex):
    found = []
    for tag in SUBJECT_TAGS:
        for field in index.fields(tag):
            value = subject_heading(field)
            if value and value not in found:
                found.append(value)
    return found or None


def document_type(index: FieldIndex):
    leader = index.leader
    token = common.document_type_from_leader(leader)
    if token == "ouvrage" and leader[6:7] in ("a", "t"):
        fixed = index.control("008")
        for code in fixed[24:28]:
            if code in _BOOK_CONTENTS:
                return _BOOK_CONTENTS[code]
        if fixed[29:30] == "1":
            return "actes"
    return token


def support(index: FieldIndex):
    if index.fields("852") or index.fields("949"):
        return "papier"
    has_url = any(v.strip() for v in index.values("856", "u"))
    return "electronique" if has_url else "papier"


def themes(index: FieldIndex):
    values = [heading(f, "a", "vxyz") for f in index.fields("650")]
    values += list(index.values("653", "a"))
    return match_themes(values) or None


def territory(index: FieldIndex):
    return match_territories(index.values("651", "a")) or None


ITEM_LAYOUT = {"barcode": "p", "call_number": "hi", "section": "c", "site": "b"}


def items(index: FieldIndex):
    return common.items(index, "852", ITEM_LAYOUT)


def cosoter_id(index: FieldIndex):
    return index.control("001").strip() or None


TABLE = (
    ("title", title),
    ("sort_title", sort_title),
    ("subtitle", joined("245b", " : ", clean_final_period)),
    ("responsibility", joined("245c", " ; ", clean_final_period)),
    ("authors", authors),
    ("edition", first("250a", clean_final_period)),
    ("place", first(("260a", "264a"))),
    ("publisher", first(("260b", "264b"))),
    ("year", year),
    ("collation", collation),
    ("collection", first(("490a", "830a"), clean_final_period)),
    ("collection_number", first("490v")),
    ("isbn", every("020a", common.clean_isbn)),
    ("issn", first("022a")),
    ("ean", ean),
    ("price", first("020c")),
    ("language", language),
    ("notes", joined("500a", "\n")),
    ("contents", joined("505a", " ; ")),
    ("summary", joined("520a", "\n")),
    ("descriptors", descriptors),
    ("keywords", every("653a")),
    ("dewey", first("082a")),
    ("document_type", document_type),
    ("support", support),
    ("urls", every("856u", str.strip)),
    ("themes", themes),
    ("territory", territory),
    ("cosoter_id", cosoter_id),
    ("items", items),
    ("series_title", first("773t", clean_final_period)),
)
