"""Damage good ISO 2709 records the way real files are damaged (test helper).

Each function takes the raw bytes of one sound record (leader, directory, fields,
record terminator) and returns them with one kind of damage, leaving everything
else as it was: the readers must notice it, repair what they can, and say which
repair they made.
"""

FT = b"\x1e"
SF = b"\x1f"
RT = b"\x1d"


def _base(raw: bytes) -> int:
    return int(raw[12:17])


def entries(raw: bytes):
    """[(position of the entry in raw, tag, length, start)] of the directory."""
    found = []
    for pos in range(24, _base(raw) - 1, 12):
        entry = raw[pos : pos + 12]
        found.append((pos, entry[:3], int(entry[3:7]), int(entry[7:12])))
    return found


def _entry(raw: bytes, tag: bytes):
    for item in entries(raw):
        if item[1] == tag:
            return item
    raise KeyError(tag)


def field_bytes(raw: bytes, tag: bytes) -> bytes:
    """The bytes of the first ``tag`` field, terminator excluded."""
    _pos, _tag, length, start = _entry(raw, tag)
    base = _base(raw)
    return raw[base + start : base + start + length - 1]


def retag(raw: bytes, tag: bytes, new: bytes) -> bytes:
    """The directory entry of ``tag`` names another tag (``new``, 3 bytes)."""
    pos = _entry(raw, tag)[0]
    return raw[:pos] + new + raw[pos + 3 :]


def relength(raw: bytes, tag: bytes, delta: int) -> bytes:
    """The directory's length of ``tag`` is off by ``delta``."""
    pos, _tag, length, _start = _entry(raw, tag)
    return raw[: pos + 3] + b"%04d" % (length + delta) + raw[pos + 7 :]


def short_leader(raw: bytes) -> bytes:
    """The leader lost a character (its 9th, a blank): 23 characters."""
    return raw[:8] + raw[9:]


def stray_directory_byte(raw: bytes) -> bytes:
    """A digit inserted in the directory, the base address moved with it."""
    base = _base(raw)
    moved = raw[:12] + b"%05d" % (base + 1) + raw[17:36]
    return moved + b"7" + raw[36:]


def trailing_garbage(raw: bytes) -> bytes:
    """Bytes after the last field, and one directory length that does not fit."""
    last = entries(raw)[-1][1]
    return relength(raw[:-1] + b"reste d'une autre notice" + RT, last, 1)


def subfield_code(raw: bytes, tag: bytes, old: bytes, new: bytes) -> bytes:
    """The first subfield code ``old`` of ``tag`` becomes ``new`` (same length)."""
    body = field_bytes(raw, tag)
    damaged = body.replace(SF + old, SF + new, 1)
    assert damaged != body
    return raw.replace(body, damaged, 1)


def base_address(raw: bytes, value: int) -> bytes:
    return raw[:12] + b"%05d" % value + raw[17:]


def record_length(raw: bytes, value: int) -> bytes:
    return b"%05d" % value + raw[5:]
