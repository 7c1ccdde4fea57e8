"""The centre's themes and territories, written into a kept record's subjects.

Themes and territories are not zones of their own: the mapping matches them in the
record's subject headings (606/610 and 607 in UNIMARC, 650/653 and 651 in MARC 21).
So a theme or territory the centre added goes out as a heading under its French
label (the label the matcher reads back first); one the centre removed takes away
the headings that are its label and nothing more.  A heading that only implies a
removed theme ("Illettrisme" for savoirs-de-base) is a descriptor of the record
and stays: partners may derive the theme again from it.

Pure Python, no Zope.
"""

from .extract import FieldIndex
from .matching import match_territories
from .patching import data_fields
from .patching import drop_empty
from .patching import insert_field
from .patching import new_field
from .vocabulary import TERRITORY_NAMES
from .vocabulary import THEME_LABELS


def _folded(value):
    return " ".join(str(value or "").split()).lower()


class Themes:
    """``implied(index)`` reads the themes of a record; a missing theme is added as
    ``tag``$a label; a removed one drops the ``tag`` headings and the
    ``keyword_tag``$a values that are its label."""

    def __init__(self, implied, heading, tag, indicators, keyword_tag):
        self.implied = implied
        self.heading = heading
        self.tag = tag
        self.indicators = indicators
        self.keyword_tag = keyword_tag

    def apply(self, record, value, notice):
        wanted = [t for t in value or [] if t in THEME_LABELS]
        implied = self.implied(FieldIndex(record)) or []
        removed = {_folded(THEME_LABELS[t]) for t in implied if t not in wanted}
        if removed:
            record.fields = [
                f
                for f in record.fields
                if f.tag != self.tag
                or f.is_control_field()
                or _folded(self.heading(f)) not in removed
            ]
            for field in data_fields(record, (self.keyword_tag,)):
                field.subfields = [
                    s for s in field.subfields if s.code != "a" or _folded(s.value) not in removed
                ]
            drop_empty(record, (self.keyword_tag,))
        present = self.implied(FieldIndex(record)) or []
        for token in wanted:
            if token not in present:
                label = THEME_LABELS[token]
                insert_field(record, new_field(self.tag, *self.indicators, [("a", label)]))


class Territories:
    """Territories read from ``tag``$a: a missing one is added under its name; a
    removed one drops the ``tag`` fields that name removed territories only."""

    def __init__(self, tag, indicators):
        self.tag = tag
        self.indicators = indicators

    def _named(self, field):
        return set(match_territories(field.get_subfields("a")))

    def apply(self, record, value, notice):
        wanted = [t for t in value or [] if t in TERRITORY_NAMES]
        fields = data_fields(record, (self.tag,))
        implied = set().union(*(self._named(f) for f in fields)) if fields else set()
        removed = implied - set(wanted)
        if removed:
            gone = {id(f) for f in fields if self._named(f) and self._named(f) <= removed}
            record.fields = [f for f in record.fields if id(f) not in gone]
        present = set().union(*(self._named(f) for f in data_fields(record, (self.tag,))), set())
        for token in wanted:
            if token not in present:
                name = TERRITORY_NAMES[token]
                insert_field(record, new_field(self.tag, *self.indicators, [("a", name)]))
