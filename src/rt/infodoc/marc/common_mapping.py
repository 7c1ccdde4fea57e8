"""Pieces shared by the UNIMARC and MARC21 tables."""

import re

from .extract import FieldIndex
from .matching import match_document_type
from .matching import match_site
from .text import clean
from .text import clean_final_period
from .text import sort_key
from .text import split_nonfiling

_ISBN = re.compile(r"[0-9Xx](?:[0-9Xx -]*[0-9Xx])?")


def clean_isbn(value: str) -> str:
    """The ISBN as written (hyphens kept), without qualifiers like "(pbk.)"."""
    match = _ISBN.search(value or "")
    return match.group(0).strip() if match else ""


def title_and_sort(raw_main: list[str], rest: list[tuple[str, str]], skip: int = 0):
    """(title, sort title) from raw main-title values and (separator, part) pairs.

    Non-filing markers (NSB/NSE, braces) are removed from the title and the part
    they enclose is left out of the sort title; `skip` is MARC21's count of
    non-filing characters (245 ind2).
    """
    shown = []
    filed = []
    for position, value in enumerate(raw_main):
        prefix, remainder = split_nonfiling(value)
        if position == 0 and not prefix and skip:
            prefix, remainder = value[:skip], value[skip:]
        shown_value = clean(prefix + remainder)
        if shown_value:
            shown.append(shown_value)
            filed.append(clean(remainder))
    title = " ; ".join(shown)
    sorted_title = " ; ".join(filed)
    for separator, part in rest:
        part = clean(part)
        if part:
            title = f"{title}{separator}{part}" if title else part
            sorted_title = f"{sorted_title}{separator}{part}" if sorted_title else part
    return clean_final_period(title) if title else None, sort_key(sorted_title) or None


def person_name(field, forename_code: str | None = None) -> str:
    """ "Nom, Prénom" from $a (+ the forename subfield, UNIMARC $b)."""
    surname = clean(field.get("a") or "")
    forename = clean(field.get(forename_code) or "") if forename_code else ""
    return f"{surname}, {forename}" if surname and forename else surname


def corporate_name(field) -> str:
    parts = [clean_final_period(v) for c, v in field.subfields if c in "ab"]
    return ". ".join(p for p in parts if p)


def author(name: str, role: str, kind: str, function: str | None) -> dict | None:
    name = clean_final_period(name)
    if not name:
        return None
    entry = {"name": name, "role": role, "kind": kind}
    if function:
        entry["function"] = function
    return entry


def item_of(field, layout: dict) -> dict:
    """One copy: keys from layout {key: subfield codes}; empty when none is there."""
    item = {}
    for key, codes in layout.items():
        values = [clean(v) for c, v in field.subfields if c in codes]
        value = " ".join(v for v in values if v)
        if value:
            if key == "site":
                value = match_site(value) or value
            item[key] = value
    return item


def items(index: FieldIndex, tag: str, layout: dict) -> list[dict] | None:
    """Copies: one dict per `tag` field."""
    found = [item for item in (item_of(f, layout) for f in index.fields(tag)) if item]
    return found or None


# leader/06 type of record -> document type (UNIMARC and MARC21 share most codes)
_TYPE_OF_RECORD = {"g": "video", "m": "mallette", "o": "mallette", "r": "mallette"}
# leader/07 bibliographic level -> document type
_BIBLIOGRAPHIC_LEVEL = {"a": "article", "b": "article", "s": "periodique"}


def document_type_from_leader(leader: str) -> str:
    record_type = leader[6:7]
    level = leader[7:8]
    if level in _BIBLIOGRAPHIC_LEVEL:
        return _BIBLIOGRAPHIC_LEVEL[level]
    if record_type in ("l", "m") and level == "i":
        return "site-web"
    return _TYPE_OF_RECORD.get(record_type, "ouvrage")


def document_type_from_label(value: str | None, leader: str) -> str | None:
    """A local document type (995$r): a one-letter code or a label."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) == 1:
        return document_type_from_leader(leader[:6] + value + leader[7:])
    return match_document_type(value)
