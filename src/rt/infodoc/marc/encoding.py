"""Decide the character encoding of an ISO 2709 record from its bytes.

Leader/09 (MARC21) and 100$a/26-29 (UNIMARC) are often wrong in real exports: PMB
writes UTF-8 with a blank leader/09 and "0103" (ISO 646 + ISO 5426) in 100$a.  The
bytes decide:

* only ASCII: "utf-8" (ASCII is valid UTF-8);
* an ESC (0x1B) byte: "marc-8" (escape sequences only exist in MARC-8);
* valid UTF-8 with multi-byte sequences: "utf-8";
* mostly valid UTF-8 with a few stray bytes: "utf-8" (the reader falls back to
  ISO 8859-1 field by field and warns);
* otherwise the candidates (MARC-8 for MARC21, ISO 5426 for UNIMARC, ISO 8859-1 for
  both) are decoded and the text that looks most like real Latin-script text wins;
  on a tie the declared charset (leader/09, 100$a) and then the flavour's usual
  charset win.

Every decoder returns NFC text.
"""

import re
import unicodedata

from pymarc.marc8 import MARC8ToUnicode
from pymarc.marc8_mapping import CODESETS

from .iso5426 import decode_iso5426

UTF8 = "utf-8"
MARC8 = "marc-8"
ISO5426 = "iso-5426"
LATIN1 = "iso-8859-1"
ENCODINGS = (UTF8, MARC8, ISO5426, LATIN1)

# Windows-1252 printable characters found in "ISO 8859-1" exports; 0x88/0x89 stay
# C1 controls because they are the UNIMARC non-sorting markers.
_CP1252 = {
    0x80: "\u20ac",
    0x82: "\u201a",
    0x84: "\u201e",
    0x85: "\u2026",
    0x86: "\u2020",
    0x87: "\u2021",
    0x8A: "\u0160",
    0x8B: "\u2039",
    0x8C: "\u0152",
    0x8E: "\u017d",
    0x91: "\u2018",
    0x92: "\u2019",
    0x93: "\u201c",
    0x94: "\u201d",
    0x95: "\u2022",
    0x96: "\u2013",
    0x97: "\u2014",
    0x99: "\u2122",
    0x9A: "\u0161",
    0x9B: "\u203a",
    0x9C: "\u0153",
    0x9E: "\u017e",
    0x9F: "\u0178",
}
_CP1252_TRANSLATION = str.maketrans({chr(k): v for k, v in _CP1252.items()})

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")

# Characters that real French (and Western European) catalogue text is made of.
_PLAUSIBLE = frozenset(
    "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆáíóúñãõåøßÁÍÓÚÑÃÕÅØìòÌÒýÝ«»‘’“”–—…€£°\u00a0"
)
_MARC8_G1 = frozenset(CODESETS[0x45]) | {0x88, 0x89, 0x8D, 0x8E}
_NON_SORT = frozenset("\x88\x89\x98\x9c")


def decode_utf8(data: bytes) -> str:
    text = data.decode("utf-8")
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def decode_latin1(data: bytes) -> str:
    text = data.decode("latin-1")
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text.translate(_CP1252_TRANSLATION))


def decode_marc8(data: bytes) -> str:
    if data.isascii() and b"\x1b" not in data:
        return data.decode("ascii")
    try:
        text = MARC8ToUnicode(quiet=True).translate(data)
    except (IndexError, TypeError, ValueError) as exc:
        raise UnicodeDecodeError(MARC8, data, 0, len(data), "invalid MARC-8") from exc
    return unicodedata.normalize("NFC", text)


DECODERS = {
    UTF8: decode_utf8,
    MARC8: decode_marc8,
    ISO5426: decode_iso5426,
    LATIN1: decode_latin1,
}


def decoder_for(encoding: str):
    """Return the bytes -> NFC str function of an encoding name of ENCODINGS."""
    return DECODERS[encoding]


def plausibility(text: str) -> int:
    """Score how much the non-ASCII part of text looks like real Latin text."""
    score = 0
    previous = ""
    for char in text:
        if char < "\x80":
            # a subfield code is no letter of the text
            previous = " " if previous == "\x1f" else char
            continue
        if char in _NON_SORT:
            pass
        elif char in _PLAUSIBLE:
            score += 2
            # an upper-case accented letter inside a lower-case word is a misreading
            if char.isupper() and previous.islower():
                score -= 3
        elif char == "\ufffd" or unicodedata.combining(char) or "\x80" <= char < "\xa0":
            score -= 3
        elif char.isalpha():
            pass  # a rare letter: possible
        else:
            score -= 1
        previous = char
    return score


# Byte ranges of the non-spacing diacritics that precede their base letter.
_PREFIX_DIACRITICS = {
    MARC8: re.compile(rb"[\xe0-\xfe]+(.?)", re.S),
    ISO5426: re.compile(rb"[\xc0-\xdf]+(.?)", re.S),
}


def _prefix_counts(data: bytes, pattern) -> tuple[int, int]:
    """(diacritics before a vowel, diacritics before no letter at all)."""
    vowels = inconsistent = 0
    for match in pattern.finditer(data):
        follower = match.group(1)
        if follower and follower in b"aeiouyAEIOUY":
            vowels += 1
        elif follower.isalpha() and follower.isascii():
            pass
        elif follower and follower[0] >= 0x80:
            pass  # a spacing letter of the extended set (o-hook, thorn...)
        else:
            inconsistent += 1
    return vowels, inconsistent


def _prefix_evidence(data: bytes, pattern) -> int:
    """Score for "diacritics come before the letter they accent".

    In MARC-8 and ISO 5426 a diacritic byte is followed by its base letter, nearly
    always a vowel in Western languages.  Read as ISO 8859-1, the same byte is an
    accented vowel, usually followed by a consonant; followed by a space, a
    punctuation mark or a field end it cannot be a prefix diacritic at all.
    """
    vowels, inconsistent = _prefix_counts(data, pattern)
    return 3 * vowels - 5 * inconsistent


def declared_encoding(flavour: str, leader: str, field_100a: str | None = None) -> str | None:
    """The encoding the record claims, if any."""
    if flavour == "unimarc":
        if field_100a and len(field_100a) >= 28:
            sets = field_100a[26:28]
            if sets == "50":
                return UTF8
            if sets in ("03", "02") or field_100a[28:30] == "03":
                return ISO5426
            if sets == "01":
                return ISO5426 if field_100a[28:30] == "03" else LATIN1
        return None
    if len(leader) > 9 and leader[9] == "a":
        return UTF8
    return MARC8


def detect_encoding(
    data: bytes, flavour: str = "marc21", leader: str = "", field_100a: str | None = None
) -> str:
    """Return the encoding of a record's bytes (one of ENCODINGS)."""
    if data.isascii():
        return MARC8 if b"\x1b" in data else UTF8
    if b"\x1b" in data:
        return MARC8
    try:
        data.decode("utf-8")
        return UTF8
    except UnicodeDecodeError:
        pass
    valid = len(_UTF8_SEQUENCE.findall(data))
    if valid:
        high = len(_HIGH_BYTE.findall(data))
        stray = high - sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
        if valid >= stray:
            return UTF8
    if flavour != "unimarc" and declared_encoding(flavour, leader) == MARC8:
        # MARC21 with a blank leader/09 says MARC-8: believe it unless the bytes
        # contradict it (a diacritic before no letter, a byte MARC-8 lacks).
        if _prefix_counts(data, _PREFIX_DIACRITICS[MARC8])[1] == 0 and all(
            byte < 0x80 or byte in _MARC8_G1 for byte in data
        ):
            return MARC8
    scores = score_candidates(data, flavour, leader, field_100a)
    return max(scores, key=scores.get)  # first of the best, in preference order


def score_candidates(
    data: bytes, flavour: str = "marc21", leader: str = "", field_100a: str | None = None
) -> dict:
    """Plausibility score of each single-byte-ish candidate, in preference order."""
    if flavour == "unimarc":
        candidates = (ISO5426, LATIN1, MARC8)
    else:
        candidates = (MARC8, ISO5426, LATIN1)
    declared = declared_encoding(flavour, leader, field_100a)
    scores = {}
    for rank, name in enumerate(candidates):
        try:
            score = plausibility(DECODERS[name](data))
        except UnicodeDecodeError:
            continue
        if name == MARC8:
            score -= 3 * sum(1 for byte in data if byte >= 0x80 and byte not in _MARC8_G1)
        if name in _PREFIX_DIACRITICS:
            score += _prefix_evidence(data, _PREFIX_DIACRITICS[name])
        score += (name == declared) + (rank == 0)
        scores[name] = score
    return scores or {LATIN1: 0}
