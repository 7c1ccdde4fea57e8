"""Read MARC files (ISO 2709 or XML) record by record, never stopping on a bad one.

for result in read_records("export.mrc"):
    if result.error:
        report(result.position, result.identifier, result.error)
    else:
        notice = to_notice(result.record, result.flavour)
"""

import io
import os
import re

from .iso2709 import RT
from .iso2709 import RecordError
from .iso2709 import parse_record
from .repairs import normalised
from .result import ReadResult

ISO2709 = "iso2709"
XML = "xml"
FORMATS = (ISO2709, XML)

_BLOCK = 1 << 20
_JUNK = b" \t\r\n\x00\x1a"
_LEADER_START = re.compile(rb"\d{5}[\x20-\x7e]{5}\d\d\d{5}[\x20-\x7e]{3}4[56]0")


def _open(source):
    """Return (binary file, close?) for a path, bytes or binary file."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return io.BytesIO(bytes(source)), True
    if isinstance(source, (str, os.PathLike)):
        return open(source, "rb"), True
    return source, False


def sniff_format(head: bytes) -> str:
    """ISO2709 or XML from the first bytes of a file."""
    head = head.lstrip(b"\xef\xbb\xbf" + _JUNK)
    return XML if head.startswith(b"<") else ISO2709


def _chunks(stream):
    """Yield (offset, bytes) for each record, split on record terminators."""
    buffer = b""
    consumed = 0  # file offset of buffer[0]
    while True:
        block = stream.read(_BLOCK)
        if block:
            buffer += block
        start = 0
        while True:
            end = buffer.find(RT, start)
            if end < 0:
                break
            yield consumed + start, buffer[start : end + 1]
            start = end + 1
        buffer = buffer[start:]
        consumed += start
        if not block:
            break
    if buffer:
        yield consumed, buffer


def _split_glued(chunk: bytes):
    """Split a chunk holding several records whose terminators were lost.

    Yields (relative offset, bytes, warning or None).
    """
    declared = int(chunk[:5]) if chunk[:5].isdigit() else None
    pos = 0
    while declared and pos + declared < len(chunk) - 1:
        cut = pos + declared
        # a lost record terminator: the next leader starts right after a field end
        nxt = chunk[cut - 1 : cut] == b"\x1e" and _LEADER_START.match(chunk, cut)
        if not nxt:
            nxt_pos = None
            for m in _LEADER_START.finditer(chunk, pos + 24):
                if chunk[m.start() - 1 : m.start()] == b"\x1e":
                    nxt_pos = m.start()
                    break
            if nxt_pos is None:
                break
            cut = nxt_pos
        yield (
            pos,
            chunk[pos:cut],
            normalised("fin de notice manquante : notice séparée de la suivante"),
        )
        pos = cut
        declared = int(chunk[pos : pos + 5]) if chunk[pos : pos + 5].isdigit() else None
    yield pos, chunk[pos:], None


def _pieces(stream):
    """Yield (position, offset, raw bytes, warning) per ISO 2709 record, unparsed."""
    position = 0
    for offset, chunk in _chunks(stream):
        stripped = chunk.lstrip(_JUNK)
        offset += len(chunk) - len(stripped)
        if not stripped or stripped == RT:
            continue  # blank lines between or after records
        for rel, piece, glue_warning in _split_glued(stripped):
            position += 1
            yield position, offset + rel, piece, glue_warning


def iter_raw_iso2709(source):
    """Yield (position, offset, raw bytes) per record without decoding anything.

    Positions and offsets are those read_records gives; hashing the raw bytes is
    the cheap way to skip unchanged records on re-import.
    """
    stream, close = _open(source)
    try:
        for position, offset, piece, _warning in _pieces(stream):
            yield position, offset, piece
    finally:
        if close:
            stream.close()


def read_iso2709(stream, flavour: str | None = None):
    for position, offset, piece, glue_warning in _pieces(stream):
        result = ReadResult(position=position, offset=offset, raw=piece)
        if glue_warning:
            result.warnings.append(glue_warning)
        if not piece.endswith(RT):
            piece_end = piece.rstrip(_JUNK)
            result.warnings.append(normalised("fin de notice manquante (fichier tronqué ?)"))
            piece = piece_end
        try:
            parsed = parse_record(piece, flavour)
        except RecordError as exc:
            result.error = str(exc)
            result.identifier = _guess_identifier(piece)
        else:
            result.record = parsed.record
            result.flavour = parsed.flavour
            result.encoding = parsed.encoding
            result.identifier = parsed.identifier
            result.warnings.extend(parsed.warnings)
        yield result


_ID_ENTRY = re.compile(rb"001(\d{4})(\d{5})")


def _guess_identifier(chunk: bytes) -> str | None:
    """001 of an unreadable record, if its directory entry still makes sense."""
    dir_end = chunk.find(b"\x1e", 24)
    if dir_end < 0:
        return None
    for pos in range(24, dir_end - 11, 12):
        m = _ID_ENTRY.match(chunk, pos)
        if m:
            start = dir_end + 1 + int(m.group(2))
            value = chunk[start : start + int(m.group(1))].split(b"\x1e")[0]
            text = value.decode("utf-8", "replace").strip()
            return text or None
    return None


def read_records(source, format: str | None = None, flavour: str | None = None):
    """Yield a ReadResult per record of `source` (path, bytes or binary file).

    `format` is "iso2709" or "xml" (sniffed when None); `flavour` forces "unimarc" or
    "marc21" for every record (detected per record when None).
    """
    stream, close = _open(source)
    try:
        if format is None:
            if hasattr(stream, "peek"):
                head = stream.peek(512)[:512]
            else:
                pos = stream.tell()
                head = stream.read(512)
                stream.seek(pos)
            format = sniff_format(head)
        if format == ISO2709:
            yield from read_iso2709(stream, flavour)
        elif format == XML:
            from .xml_reader import read_xml

            yield from read_xml(stream, flavour)
        else:
            raise ValueError(f"unknown MARC format {format!r}")
    finally:
        if close:
            stream.close()
