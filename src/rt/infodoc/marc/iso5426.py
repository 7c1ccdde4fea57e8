"""ISO 5426 (extended Latin alphabet coded character set for bibliographic use).

ISO 5426 is the G1 set used by UNIMARC records that announce "03" in 100$a/26-29
(usually with ISO 646 as G0).  Its non-spacing diacritics (0xC0-0xDF) are written
*before* the letter they modify, as in MARC-8; Unicode puts the combining mark after
the base letter, so the decoder reorders them and returns NFC text.

The table below was written from the layout of the standard (rows A to F).
"""

import unicodedata

REPLACEMENT = "\ufffd"

# Spacing characters of the right half (G1), by byte value.
_SPACING = {
    0xA1: "\u00a1",  # inverted exclamation mark
    0xA2: "\u201e",  # double low-9 quotation mark
    0xA3: "\u00a3",  # pound sign
    0xA4: "$",
    0xA5: "\u00a5",  # yen sign
    0xA6: "\u2020",  # dagger
    0xA7: "\u00a7",  # section sign
    0xA8: "\u2032",  # prime
    0xA9: "\u2018",  # left single quotation mark
    0xAA: "\u201c",  # left double quotation mark
    0xAB: "\u00ab",  # left-pointing double angle quotation mark
    0xAC: "\u266d",  # music flat sign
    0xAD: "\u00a9",  # copyright sign
    0xAE: "\u2117",  # sound recording copyright
    0xAF: "\u00ae",  # registered sign
    0xB0: "\u02bb",  # ayn
    0xB1: "\u02bc",  # alif
    0xB2: "\u201a",  # single low-9 quotation mark
    0xB6: "\u2021",  # double dagger
    0xB7: "\u00b7",  # middle dot
    0xB8: "\u201d",  # right double quotation mark
    0xB9: "\u2019",  # right single quotation mark
    0xBB: "\u00bb",  # right-pointing double angle quotation mark
    0xBC: "\u266f",  # music sharp sign
    0xBD: "\u02b9",  # soft sign (prime)
    0xBE: "\u02ba",  # hard sign (double prime)
    0xBF: "\u00bf",  # inverted question mark
    0xE1: "\u00c6",  # AE
    0xE2: "\u0110",  # D with stroke
    0xE6: "\u0132",  # IJ
    0xE7: "\u013f",  # L with middle dot
    0xE8: "\u0141",  # L with stroke
    0xE9: "\u00d8",  # O with stroke
    0xEA: "\u0152",  # OE
    0xEC: "\u00de",  # thorn
    0xED: "\u0166",  # T with stroke
    0xEE: "\u014a",  # eng
    0xEF: "\u0149",  # n preceded by apostrophe
    0xF0: "\u0138",  # kra
    0xF1: "\u00e6",  # ae
    0xF2: "\u0111",  # d with stroke
    0xF3: "\u00f0",  # eth
    0xF4: "\u0127",  # h with stroke
    0xF5: "\u0131",  # dotless i
    0xF6: "\u0133",  # ij
    0xF7: "\u0140",  # l with middle dot
    0xF8: "\u0142",  # l with stroke
    0xF9: "\u00f8",  # o with stroke
    0xFA: "\u0153",  # oe
    0xFB: "\u00df",  # sharp s
    0xFC: "\u00fe",  # thorn
    0xFD: "\u0167",  # t with stroke
    0xFE: "\u014b",  # eng
}

# Non-spacing diacritics (written before the base letter), by byte value.
COMBINING = {
    0xC0: "\u0309",  # hook above
    0xC1: "\u0300",  # grave
    0xC2: "\u0301",  # acute
    0xC3: "\u0302",  # circumflex
    0xC4: "\u0303",  # tilde
    0xC5: "\u0304",  # macron
    0xC6: "\u0306",  # breve
    0xC7: "\u0307",  # dot above
    0xC8: "\u0308",  # diaeresis
    0xC9: "\u0308",  # umlaut
    0xCA: "\u030a",  # ring above
    0xCB: "\u0315",  # comma above right
    0xCC: "\u0313",  # comma above
    0xCD: "\u030b",  # double acute
    0xCE: "\u031b",  # horn
    0xCF: "\u030c",  # caron
    0xD0: "\u0327",  # cedilla
    0xD1: "\u031c",  # left half ring below
    0xD2: "\u0328",  # ogonek
    0xD3: "\u0323",  # dot below
    0xD4: "\u0324",  # diaeresis below
    0xD5: "\u0325",  # ring below
    0xD6: "\u0333",  # double low line
    0xD7: "\u0332",  # low line
    0xD8: "\u0326",  # comma below
    0xD9: "\u031c",  # left half ring below (alternative)
    0xDA: "\u032e",  # breve below
    0xDB: "\u0361",  # double inverted breve, left half
    0xDD: "\u0360",  # double tilde, left half
}


def _build_table():
    table = [chr(byte) for byte in range(0x80)]
    # C1 controls keep their code points (NSB 0x88 / NSE 0x89 among them).
    table += [chr(byte) for byte in range(0x80, 0xA0)]
    table += [_SPACING.get(byte, REPLACEMENT) for byte in range(0xA0, 0x100)]
    table[0xA0] = "\u00a0"
    return table


_TABLE = _build_table()


def decode_iso5426(data: bytes) -> str:
    """Decode ISO 646 + ISO 5426 bytes to NFC text.

    Unassigned bytes become U+FFFD; a diacritic with no base letter after it is
    kept as a lone combining mark (the caller may warn about either).
    """
    if data.isascii():
        return data.decode("ascii")
    out = []
    pending = []
    table = _TABLE
    for byte in data:
        mark = COMBINING.get(byte)
        if mark is not None:
            pending.append(mark)
            continue
        out.append(table[byte])
        if pending:
            out.extend(pending)
            pending = []
    out.extend(pending)
    return unicodedata.normalize("NFC", "".join(out))


def encode_iso5426(text: str) -> bytes:
    """Encode text to ISO 646 + ISO 5426 (used by tests and writers).

    Characters without an ISO 5426 code raise UnicodeEncodeError.
    """
    spacing = {char: byte for byte, char in _SPACING.items()}
    marks = {}
    for byte, char in COMBINING.items():
        marks.setdefault(char, byte)
    out = bytearray()
    for char in unicodedata.normalize("NFD", text):
        if char in marks:
            # NFD puts the mark after its base: move it in front of the base.
            base_pos = len(out) - 1
            while base_pos > 0 and out[base_pos] in COMBINING:
                base_pos -= 1
            out.insert(base_pos, marks[char])
        elif ord(char) < 0xA0:
            out.append(ord(char))
        elif char in spacing:
            out.append(spacing[char])
        else:
            raise UnicodeEncodeError("iso-5426", text, 0, len(text), f"no code for {char!r}")
    return bytes(out)
