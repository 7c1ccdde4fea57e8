"""What the readers repaired in a record, and which repairs touch its structure.

The readers never stop on a damaged record: they repair what they can and say so
in ``ReadResult.warnings``, one French sentence per repair.  A sentence is a
``str`` (reports and tests read it as text) of one of two kinds, chosen where the
repair is made:

``StructuralRepair``
    The reader had to *guess* where a field starts or ends, what its tag is, or
    it dropped content it could not place.  The record's fields may then not be
    the ones the cataloguer wrote: a field may be lost or carry another tag, and
    the 001 (the COSOTer identifier) among them.  Matching such a record by what
    is left (an ISBN, a title) can land on the wrong Notice, and writing it can
    erase what the good copy holds, so the importer never lets it change an
    existing Notice on its own (``rt.infodoc.importer.damage``).

``Normalisation``
    The structure was verified (every field delimited by the directory and the
    field terminators, or by XML elements) and only the way a value is written
    was normalised.  The record says what its cataloguer wrote; the note is a
    plain warning.

Every repair the readers make, and its kind:

ISO 2709 framing (``reader.py``)
    - record split from the next one (record terminator lost): normalisation —
      the piece is then checked against its own directory like any record, and a
      wrong cut shows up there as a structural repair;
    - last record without its terminator: normalisation, for the same reason (a
      truncated record does not fit its directory).

ISO 2709 leader and directory (``iso2709.py``)
    - wrong base address while the directory ends on a field terminator, wrong
      or unreadable record length: normalisation — the directory and the field
      terminators agree, so every field is exactly delimited;
    - leader one character short or long ("label de 23 caractères"): structural
      — the directory is read at a guessed offset and the leader is padded;
    - directory length not a multiple of 12: structural — entries re-read from
      the field terminators;
    - directory lengths or positions that do not fit ("répertoire reconstruit",
      "champs relus d'après les fins de champ"): structural — tags are given to
      the pieces between terminators in directory order;
    - data after the last field: structural — content dropped;
    - invalid tag, field dropped: structural — a lost field (a damaged 001 entry
      ends here, or as the next case);
    - text before the first subfield longer than two indicators: structural —
      it is the content of a field that is not a data field (a control field
      under a wrong tag: the identifier read as indicators);
    - data field left without any subfield although it held text: structural —
      that text is lost;
    - control field holding subfield delimiters: structural — a data field under
      a control tag;
    - a second 001: structural — which identifier is the record's is a guess;
    - invalid subfield code (text kept under a bad code or glued to the previous
      subfield): structural — a value moves to a subfield the mapping does not
      read, or changes (an ISBN with text glued to it);
    - one indicator missing (padded with a blank), indicator characters outside
      the allowed set (blanked), an upper-case subfield code (lower-cased), an
      empty delimiter or an empty subfield (dropped), a field with nothing in it
      (dropped): normalisation — nothing the cataloguer wrote is lost;
    - XML entities decoded, lost MARC-8 escape sequences restored, bytes that are
      not in the detected encoding read as ISO 8859-1 or replaced by U+FFFD:
      normalisation — encoding repairs inside a field whose place is known.

MARC XML (``xml_reader.py``)
    - tag shorter than three digits read with leading zeros ("1" -> "001"):
      structural — the tag is a guess;
    - invalid tag, field dropped; subfield without a valid code, dropped:
      structural — content lost;
    - control tag written as a data field, or a data tag as a control field:
      structural — the identifier (or a field) cannot be read where it should;
    - a second 001: structural;
    - missing leader (a default one used), leader of the wrong length (padded or
      cut), invalid indicator, empty subfield, field without subfields, linked
      record (PMB ``s1``) ignored: normalisation — the fields are delimited by
      their elements; only coded values of the label may be wrong.

Known limit: a tag damaged into another valid tag of the same kind (001 read as
003) leaves no trace the reader can see; the importer's key protection
(``rt.infodoc.importer.keys``) still keeps the Notice's 001 in that case.
"""


class StructuralRepair(str):
    """A repair that guessed a field's place or tag, or dropped content.

    ``lost`` is the text the repair could not place (for instance an identifier
    read as indicators), so that the importer can look for the Notice it names.
    """

    lost: str = ""

    def __new__(cls, text: str, lost: str = ""):
        note = super().__new__(cls, text)
        note.lost = lost or ""
        return note


class Normalisation(str):
    """A repair of how a value is written, in a field whose place is known."""


def structural(text: str, lost: str = "") -> StructuralRepair:
    return StructuralRepair(text, lost)


def normalised(text: str) -> Normalisation:
    return Normalisation(text)


def structural_repairs(warnings) -> list[str]:
    """The structural repairs among a record's warnings, as plain strings."""
    return [str(note) for note in warnings if isinstance(note, StructuralRepair)]


def is_damaged(result) -> bool:
    """True when a ReadResult's structure had to be repaired."""
    return any(isinstance(note, StructuralRepair) for note in result.warnings)


def lost_texts(warnings) -> list[str]:
    """Texts the structural repairs dropped or could not place (non-empty, stripped)."""
    found = []
    for note in warnings:
        text = getattr(note, "lost", "").strip()
        if text and text not in found:
            found.append(text)
    return found
