"""Building blocks of the mapping tables.

A record is first turned into a `FieldIndex` (tag -> fields, built once).  Each table
row pairs a Notice key with an extractor: a function FieldIndex -> value.  The
combinators below build the common extractors from specs such as "205a" (tag 205,
subfield a) or ("210a", "214a") (the first spec that gives a value wins).
"""

import re

from .text import clean

_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")


class FieldIndex:
    __slots__ = ("record", "by_tag", "_cache")

    def __init__(self, record):
        self.record = record
        self._cache = {}
        by_tag: dict[str, list] = {}
        for field in record.fields:
            by_tag.setdefault(field.tag, []).append(field)
        self.by_tag = by_tag

    def cached(self, name: str, compute):
        """compute(self), computed once per record (e.g. title and sort title)."""
        if name not in self._cache:
            self._cache[name] = compute(self)
        return self._cache[name]

    def fields(self, tag: str) -> list:
        return self.by_tag.get(tag, ())

    def control(self, tag: str) -> str:
        for field in self.by_tag.get(tag, ()):
            if field.data:
                return field.data
        return ""

    def values(self, tag: str, codes: str):
        """Raw values of subfields `codes` of every `tag` field, in order."""
        for field in self.by_tag.get(tag, ()):
            for code, value in field.subfields:
                if code in codes:
                    yield value

    @property
    def leader(self) -> str:
        return str(self.record.leader)


def _specs(spec) -> list[tuple[str, str]]:
    if isinstance(spec, str):
        spec = (spec,)
    return [(s[:3], s[3:]) for s in spec]


def first(spec, cleaner=clean):
    """First non-empty cleaned value among the specs, in spec order."""
    specs = _specs(spec)

    def extract(index: FieldIndex):
        for tag, codes in specs:
            for value in index.values(tag, codes):
                value = cleaner(value)
                if value:
                    return value
        return None

    return extract


def every(spec, cleaner=clean):
    """All distinct cleaned values of the first spec that has any."""
    specs = _specs(spec)

    def extract(index: FieldIndex):
        for tag, codes in specs:
            found = []
            for value in index.values(tag, codes):
                value = cleaner(value)
                if value and value not in found:
                    found.append(value)
            if found:
                return found
        return None

    return extract


def joined(spec, separator: str, cleaner=clean):
    """All cleaned values of the first spec that has any, joined."""
    collect = every(spec, cleaner)

    def extract(index: FieldIndex):
        found = collect(index)
        return separator.join(found) if found else None

    return extract


def year_of(value: str | None) -> int | None:
    match = _YEAR.search(value or "")
    return int(match.group(1)) if match else None


def first_year(spec):
    specs = _specs(spec)

    def extract(index: FieldIndex):
        for tag, codes in specs:
            for value in index.values(tag, codes):
                year = year_of(value)
                if year:
                    return year
        return None

    return extract


def field_parts(field, layout) -> str:
    """Join subfields of one field with ISBD separators.

    layout: sequence of (code, separator before it); the first present part gets no
    separator.
    """
    out = ""
    for code, separator in layout:
        for sub_code, value in field.subfields:
            if sub_code != code:
                continue
            value = clean(value)
            if value:
                out = f"{out}{separator}{value}" if out else value
    return out


def heading(field, main: str, subdivisions: str, separator=" -- ") -> str:
    """Subject heading: main subfields joined by spaces, subdivisions by " -- "."""
    head = []
    subs = []
    for code, value in field.subfields:
        value = clean(value)
        if not value:
            continue
        if code in main:
            head.append(value)
        elif code in subdivisions:
            subs.append(value)
    if not head and not subs:
        return ""
    return separator.join([" ".join(head)] + subs if head else subs)
