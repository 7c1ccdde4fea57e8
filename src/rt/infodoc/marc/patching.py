"""The zones of a kept MARC record, and how a changed Notice value is written back into them.

A Notice key is read from one or more zones of the record (docs/notice-fields.md).
When the centre changes a key, only that key's subfields are rewritten; every other
subfield of the record, and the other subfields of the same fields, stay as they came
(856$z, 210$d "1994-2004", 710$c, 801...).  Each zone kind below mirrors one reading
rule of the mapping tables (extract.first, extract.joined, one value per field...), so
that reading the patched record gives back the value the centre wrote.

Pure Python (pymarc only), no Zope.
"""

import copy

from pymarc import Field
from pymarc import Indicators
from pymarc import Subfield

from .text import clean


def is_empty(value) -> bool:
    return value is None or value == "" or (isinstance(value, (list, tuple, dict)) and not value)


def copy_record(record):
    """A copy whose fields may be changed without touching ``record``: each field is
    copied, subfields (immutable tuples) are shared.  Four times cheaper than
    copy.deepcopy, which the OAI provider would pay on each record it caches."""
    clone = copy.copy(record)
    fields = []
    for field in record.fields:
        twin = copy.copy(field)
        if not field.is_control_field():
            twin.subfields = list(field.subfields)
        fields.append(twin)
    clone.fields = fields
    return clone


def new_field(tag, ind1, ind2, pairs):
    """A data field of the non-empty (code, value) pairs, or None when none is left."""
    subfields = [Subfield(code, value) for code, value in pairs if value]
    if not subfields:
        return None
    return Field(tag=tag, indicators=Indicators(ind1, ind2), subfields=subfields)


def insert_field(record, field):
    """Put a new field after the last field whose tag sorts before or with it: the
    record's own order is kept, and fields of one tag stay together."""
    fields = record.fields
    for position in range(len(fields) - 1, -1, -1):
        if fields[position].tag <= field.tag:
            fields.insert(position + 1, field)
            return
    fields.insert(0, field)


def data_fields(record, tags):
    return [f for f in record.fields if f.tag in tags and not f.is_control_field()]


def drop_empty(record, tags):
    """Remove the data fields of ``tags`` left without any subfield."""
    record.fields = [
        f for f in record.fields if f.tag not in tags or f.is_control_field() or f.subfields
    ]


def insert_subfield(field, subfield):
    """Insert in code order among letter codes (numeric codes such as $4 stay last)."""
    subfields = list(field.subfields)
    position = len(subfields)
    if subfield.code.isalpha():
        for index, existing in enumerate(subfields):
            if existing.code.isalpha() and existing.code > subfield.code:
                position = index
                break
            if not existing.code.isalpha() and index > 0:
                position = index
                break
    subfields.insert(position, subfield)
    field.subfields = subfields


def respell(raw: str, old: str, new: str) -> str:
    """The new value written where the old one stood, keeping the ISBD punctuation
    and spacing around it ("Paris :" becomes "Lyon :")."""
    if old and old in raw:
        return raw.replace(old, new, 1)
    return new


class Control:
    """A control field (001)."""

    def __init__(self, tag):
        self.tag = tag

    def apply(self, record, value, notice):
        fields = [f for f in record.fields if f.tag == self.tag]
        if is_empty(value):
            record.fields = [f for f in record.fields if f.tag != self.tag]
        elif fields:
            fields[0].data = str(value)
        else:
            insert_field(record, Field(tag=self.tag, data=str(value)))


class First:
    """A value read by ``extract.first``: the first non-empty cleaned subfield of the
    specs ("210a", "214a"), in spec order.  ``accept`` filters the fields (MARC 21
    024 ind1 3)."""

    def __init__(self, specs, new=(" ", " "), cleaner=clean, accept=None):
        specs = (specs,) if isinstance(specs, str) else specs
        self.specs = [(s[:3], s[3]) for s in specs]
        self.new = new
        self.cleaner = cleaner
        self.accept = accept or (lambda field: True)

    def _fields(self, record, tag):
        return [f for f in data_fields(record, (tag,)) if self.accept(f)]

    def locate(self, record):
        for tag, code in self.specs:
            for field in self._fields(record, tag):
                for index, subfield in enumerate(field.subfields):
                    if subfield.code == code and self.cleaner(subfield.value):
                        return field, index
        return None

    def text(self, value):
        return str(value).strip()

    def write(self, field, index, value):
        old = field.subfields[index]
        raw = respell(old.value, self.cleaner(old.value), self.text(value))
        field.subfields[index] = Subfield(old.code, raw)

    def apply(self, record, value, notice):
        if is_empty(value):
            for tag, code in self.specs:
                for field in self._fields(record, tag):
                    field.subfields = [
                        s for s in field.subfields if s.code != code or not self.cleaner(s.value)
                    ]
            drop_empty(record, {tag for tag, _code in self.specs})
            return
        found = self.locate(record)
        if found is not None:
            self.write(*found, value)
            return
        tag, code = self.specs[0]
        existing = self._fields(record, tag)
        if existing:
            insert_subfield(existing[0], Subfield(code, self.text(value)))
        else:
            insert_field(record, new_field(tag, *self.new, [(code, self.text(value))]))


class Joined:
    """A value read by ``extract.joined`` from the subfields ``codes`` of the ``tag``
    fields (200$e, 200$f/$g, 327$a): rewritten as one subfield per part, in the
    first such field, where the first old part stood."""

    def __init__(self, tag, codes, separator, new=(" ", " "), cleaner=clean):
        self.tag = tag
        self.codes = codes
        self.separator = separator
        self.new = new
        self.cleaner = cleaner

    def parts(self, value):
        return [p for p in (self.cleaner(p) for p in str(value or "").split(self.separator)) if p]

    def apply(self, record, value, notice):
        parts = self.parts(value)
        fields = data_fields(record, (self.tag,))
        target = fields[0] if fields else None
        position = None
        for field in fields:
            kept = []
            for subfield in field.subfields:
                if subfield.code in self.codes:
                    if field is target and position is None:
                        position = len(kept)
                    continue
                kept.append(subfield)
            field.subfields = kept
        code = self.codes[0]
        if parts and target is None:
            insert_field(record, new_field(self.tag, *self.new, [(code, p) for p in parts]))
        elif parts and position is None:
            for part in reversed(parts):
                insert_subfield(target, Subfield(code, part))
        elif parts:
            target.subfields[position:position] = [Subfield(code, p) for p in parts]
        drop_empty(record, (self.tag,))


class PerField:
    """A list read one field at a time (authors, subjects, 300, 856, 995...).

    ``values_of(field)`` gives what the mapping reads from one field (a list, empty
    when the field adds nothing); ``build(value, notice)`` makes the field of a value
    the record does not have.  A field whose values are still wanted is kept whole
    (with every subfield the Notice does not hold); the others go, or, with
    ``strip``, lose only those subfields when they carry something else (010$d).
    With ``separator`` the Notice value is one text (notes: paragraphs).
    """

    def __init__(self, tags, values_of, build, strip=None, separator=None):
        self.tags = tuple(tags)
        self.values_of = values_of
        self.build = build
        self.strip = strip
        self.separator = separator

    def wanted(self, value):
        if self.separator is None:
            return list(value or [])
        parts = (clean(p) for p in str(value or "").split(self.separator))
        return list(dict.fromkeys(p for p in parts if p))

    def apply(self, record, value, notice):
        wanted = self.wanted(value)
        units = [(f, self.values_of(f)) for f in data_fields(record, self.tags)]
        units = [(f, values) for f, values in units if values]
        used = set()
        result = []
        position = 0
        while position < len(wanted):
            for number, (field, values) in enumerate(units):
                if number not in used and values == wanted[position : position + len(values)]:
                    used.add(number)
                    result.append(field)
                    position += len(values)
                    break
            else:
                built = self.build(wanted[position], notice)
                result.extend(b for b in (built if isinstance(built, list) else [built]) if b)
                position += 1
        leaving = {id(field) for field, _values in units}
        staying = {id(field) for field in result}
        kept = []
        for field in record.fields:
            if id(field) not in leaving:
                kept.append(field)
            elif self.strip and id(field) not in staying:
                field.subfields = [s for s in field.subfields if s.code not in self.strip]
                if field.subfields:
                    kept.append(field)
        record.fields = kept
        for field in result:
            insert_field(record, field)
