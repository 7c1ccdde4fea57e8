"""Parse one ISO 2709 record (bytes between two record terminators), tolerantly.

The directory is trusted only when it agrees with the field terminators; otherwise
fields are cut at their terminators and given the directory's tags (the directory
is "rebuilt") and a warning says so.  What cannot be understood raises RecordError
with a French reason.
"""

import re

from pymarc import Field
from pymarc import Indicators
from pymarc import Leader
from pymarc import Record
from pymarc import Subfield

from . import encoding as enc
from .flavour import detect_flavour
from .repairs import normalised
from .repairs import structural

FIELD_END = 0x1E
FT = b"\x1e"
SF = b"\x1f"
RT = b"\x1d"

_ENTRY = re.compile(rb"[0-9A-Za-z]{3}\d{9}")
_LOST_ESCAPE = re.compile(rb"\$1((?:[\x21-\x7e]{3})+?)\(B")


def _restore_escape(match) -> bytes:
    return b"\x1b$1" + match.group(1) + b"\x1b(B"


_TAG = re.compile(rb"[0-9A-Za-z]{3}\Z")
_ENTITIES = (
    (b"&apos;", b"'"),
    (b"&quot;", b'"'),
    (b"&lt;", b"<"),
    (b"&gt;", b">"),
    (b"&amp;", b"&"),
)
_INDICATOR_OK = frozenset("0123456789abcdefghijklmnopqrstuvwxyz |")


class RecordError(Exception):
    """A record that cannot be read; str(exc) is a French reason."""


class ParsedRecord:
    __slots__ = ("record", "flavour", "encoding", "warnings", "identifier")

    def __init__(self, record, flavour, encoding, warnings, identifier):
        self.record = record
        self.flavour = flavour
        self.encoding = encoding
        self.warnings = warnings
        self.identifier = identifier


def _digits(value: bytes) -> int | None:
    return int(value) if value.isdigit() else None


def _read_directory(chunk: bytes, warnings: list):
    """Return (entries, data) where entries are (tag, length, start) tuples."""
    dir_end = chunk.find(FT, 24)
    if dir_end < 0:
        raise RecordError("notice tronquée : pas de fin de répertoire")
    base = _digits(chunk[12:17])
    if base is not None and base != dir_end + 1:
        if 24 < base <= len(chunk) and chunk[base - 1] == FIELD_END and (base - 25) % 12 == 0:
            dir_end = base - 1
        else:
            warnings.append(
                normalised(
                    f"adresse de base {base} incorrecte (répertoire terminé à {dir_end + 1})"
                )
            )
    data = chunk[dir_end + 1 :]
    start, entries = 24, _entries(chunk, 24, dir_end)
    if (dir_end - 24) % 12:
        # a leader one character short or long, or a stray byte in the directory:
        # keep the reading whose entries point at the most field terminators
        best = _fits(entries, data)
        for guess in (23, 25, 22, 26):
            guessed = _entries(chunk, guess, dir_end)
            if (dir_end - guess) % 12 == 0 and _fits(guessed, data) > best:
                start, entries, best = guess, guessed, _fits(guessed, data)
        if start != 24:
            warnings.append(structural(f"label de {start} caractères au lieu de 24"))
        else:
            warnings.append(
                structural(
                    f"répertoire de longueur {dir_end - 24} (pas un multiple de 12), "
                    "relu d'après les fins de champ"
                )
            )
    if not entries:
        raise RecordError("notice sans aucun champ (répertoire vide ou illisible)")
    return entries, data, start


def _entries(chunk: bytes, start: int, dir_end: int):
    directory = chunk[start:dir_end]
    return [
        (
            directory[pos : pos + 3],
            _digits(directory[pos + 3 : pos + 7]),
            _digits(directory[pos + 7 : pos + 12]),
        )
        for pos in range(0, len(directory) - 11, 12)
    ]


def _fits(entries, data: bytes) -> int:
    """How many entries end exactly on a field terminator."""
    count = 0
    for _tag, length, start in entries:
        if length and start is not None and data[start + length - 1 : start + length] == FT:
            count += 1
    return count


def _cut_fields(entries, data: bytes, warnings: list):
    """Return [(tag bytes, field bytes without terminator)]."""
    fields = []
    trusted = True
    for tag, length, start in entries:
        if length is None or start is None or length < 1:
            trusted = False
            break
        body = data[start : start + length]
        if len(body) != length or body[-1] != FIELD_END or FT in body[:-1]:
            trusted = False
            break
        fields.append((tag, body[:-1]))
    if trusted:
        return fields
    # Rebuild from the field terminators.
    pieces = data.split(FT)
    tail = pieces.pop()  # after the last terminator: should be empty
    if tail.strip(b" \r\n\x00"):
        if not pieces:
            raise RecordError("notice tronquée : aucun champ terminé")
        warnings.append(
            structural("données après le dernier champ ignorées", tail.decode("latin-1"))
        )
    starts = {}
    offset = 0
    for piece in pieces:
        starts[offset] = piece
        offset += len(piece) + 1
    if len(pieces) == len(entries):
        warnings.append(
            structural("longueurs ou positions du répertoire incorrectes : répertoire reconstruit")
        )
        return [(entry[0], piece) for entry, piece in zip(entries, pieces, strict=True)]
    by_start = [(tag, starts.get(start)) for tag, _length, start in entries]
    if all(piece is not None for _tag, piece in by_start):
        warnings.append(
            structural(
                "longueurs du répertoire incorrectes : champs relus d'après les fins de champ"
            )
        )
        return by_start
    raise RecordError(f"répertoire incohérent : {len(entries)} entrées pour {len(pieces)} champs")


def _field_100a(raw_fields) -> str | None:
    for tag, body in raw_fields:
        if tag in ("100", b"100"):
            parts = body.split(SF)
            for part in parts[1:]:
                if part[:1] == b"a":
                    return part[1:].decode("latin-1")
    return None


def _repair_bytes(fields, warnings):
    """Undo damage done to field bytes by careless XML round trips."""
    lost_escape = False
    repaired = []
    for tag, body in fields:
        if b"&" in body and b";" in body:
            fixed = body
            for entity, char in _ENTITIES:
                fixed = fixed.replace(entity, char)
            if fixed != body:
                warnings.append(normalised(f"champ {tag} : entités XML décodées"))
                body = fixed
        if b"$1" in body and b"\x1b" not in body and _LOST_ESCAPE.search(body):
            # MARC-8 CJK runs whose ESC bytes were lost (ESC is not allowed in XML)
            body = _LOST_ESCAPE.sub(_restore_escape, body)
            lost_escape = True
        repaired.append((tag, body))
    if lost_escape:
        warnings.append(normalised("séquences d'échappement MARC-8 (ESC) perdues, rétablies"))
    return repaired


def _decode_body(body: bytes, tag: str, decode, name: str, warnings: list) -> str:
    try:
        text = decode(body)
    except UnicodeDecodeError:
        warnings.append(normalised(f"champ {tag} : octets non {name.upper()}, lus en ISO 8859-1"))
        text = enc.decode_latin1(body)
    if "\ufffd" in text:
        warnings.append(
            normalised(f"champ {tag} : caractères inconnus en {name.upper()} remplacés par �")
        )
    return text


def _data_field(tag: str, body: bytes, decode, name, per_subfield, warnings) -> Field | None:
    if per_subfield:
        parts = body.split(SF)
        texts = [_decode_body(part, tag, decode, name, warnings) for part in parts]
    else:
        texts = _decode_body(body, tag, decode, name, warnings).split("\x1f")
    indicators = texts[0]
    if len(indicators) != 2:
        note = f"champ {tag} : indicateurs {indicators!r} corrigés"
        # more than two characters: the text of a field that is not a data field
        warnings.append(structural(note, indicators) if len(indicators) > 2 else normalised(note))
        indicators = (indicators + "  ")[:2]
    if indicators[0] not in _INDICATOR_OK or indicators[1] not in _INDICATOR_OK:
        warnings.append(
            normalised(
                f"champ {tag} : indicateurs {indicators!r} invalides remplacés par des blancs"
            )
        )
        indicators = "".join(c if c in _INDICATOR_OK else " " for c in indicators)
    subfields = []
    for text in texts[1:]:
        if not text:
            warnings.append(normalised(f"champ {tag} : délimiteur de sous-champ sans code ignoré"))
            continue
        code, value = text[0], text[1:]
        if not (code.isascii() and code.isalnum()):
            if subfields:
                warnings.append(
                    structural(
                        f"champ {tag} : code de sous-champ {code!r} invalide, "
                        "texte rattaché au sous-champ précédent"
                    )
                )
                last = subfields[-1]
                subfields[-1] = Subfield(last.code, last.value + text)
                continue
            warnings.append(structural(f"champ {tag} : code de sous-champ {code!r} invalide"))
        elif code.isupper():
            warnings.append(
                normalised(f"champ {tag} : code de sous-champ {code!r} mis en minuscule")
            )
            code = code.lower()
        if not value:
            warnings.append(normalised(f"champ {tag} : sous-champ ${code} vide ignoré"))
            continue
        subfields.append(Subfield(code, value))
    if not subfields:
        note = f"champ {tag} : aucun sous-champ, champ ignoré"
        text = "".join(texts).strip()
        # with text in it, the field was something else (a control field under a
        # wrong tag): its content is lost
        warnings.append(structural(note, text) if len(text) > 2 else normalised(note))
        return None
    return Field(tag=tag, indicators=Indicators(indicators[0], indicators[1]), subfields=subfields)


def parse_record(chunk: bytes, flavour: str | None = None) -> ParsedRecord:
    """Parse the bytes of one record (record terminator optional)."""
    warnings: list[str] = []
    if chunk.endswith(RT):
        chunk = chunk[:-1]
    if len(chunk) < 25:
        raise RecordError(f"notice tronquée : {len(chunk)} octets")
    entries, data, start = _read_directory(chunk, warnings)
    try:
        leader = chunk[: min(start, 24)].decode("ascii")
    except UnicodeDecodeError:
        raise RecordError("label (leader) illisible") from None
    while len(leader) < 24:
        leader += "0" if leader.endswith("45") or leader.endswith("450") else " "
    declared = _digits(chunk[:5])
    if declared is None:
        warnings.append(normalised(f"longueur de notice {leader[:5]!r} illisible"))
    elif declared != len(chunk) + 1:
        warnings.append(
            normalised(f"longueur annoncée {declared}, longueur réelle {len(chunk) + 1}")
        )
    raw_fields = _cut_fields(entries, data, warnings)

    good_fields = []
    for tag, body in raw_fields:
        if not _TAG.match(tag):
            warnings.append(
                structural(
                    f"étiquette {tag.decode('latin-1')!r} invalide : champ ignoré",
                    body.decode("latin-1"),
                )
            )
            continue
        good_fields.append((tag.decode("ascii"), body))
    if not good_fields:
        raise RecordError("aucun champ lisible")

    flavour = detect_flavour(leader, [t for t, _b in good_fields], flavour)
    good_fields = _repair_bytes(good_fields, warnings)
    content = b"\x1e".join(body for _tag, body in good_fields)
    encoding = enc.detect_encoding(content, flavour, leader, _field_100a(good_fields))
    decode = enc.decoder_for(encoding)
    per_subfield = encoding == enc.MARC8

    fields = []
    identifier = None
    for tag, body in good_fields:
        if tag < "010" and tag.isdigit():
            text = _decode_body(body, tag, decode, encoding, warnings)
            if "\x1f" in text:
                warnings.append(
                    structural(f"champ de contrôle {tag} : délimiteur de sous-champ supprimé")
                )
                text = text.replace("\x1f", "")
            fields.append(Field(tag=tag, data=text))
            if tag == "001" and identifier is None:
                identifier = text.strip() or None
            elif tag == "001":
                warnings.append(structural(f"second champ 001 ({text.strip()!r})", text))
        else:
            field = _data_field(tag, body, decode, encoding, per_subfield, warnings)
            if field is not None:
                fields.append(field)
    record = Record(force_utf8=True)
    record.leader = Leader(leader)
    record.fields = fields
    return ParsedRecord(record, flavour, encoding, [w for w in warnings if w], identifier)
