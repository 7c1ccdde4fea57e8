"""Small text helpers for the mapping: ISBD punctuation, non-filing markers, folding."""

import re
import unicodedata

# Non-sorting markers: UNIMARC NSB/NSE (U+0088/U+0089), MARC21 Unicode variant
# (U+0098/U+009C, START OF STRING / STRING TERMINATOR).
_NSB = "\x88\x98"
_NSE = "\x89\x9c"
_MARKERS = re.compile("[\x88\x89\x98\x9c]")
_NONFILING = re.compile(r"^\s*[\x88\x98](.*?)[\x89\x9c]")
# Braces or double angle brackets around a leading article: "{Les }enfants", "<<L'>>école"
_BRACED = re.compile(r"^\s*(?:\{([^{}]{1,20})\}|<<([^<>]{1,20})>>)")

_TRAILING = re.compile(r"[\s]*(?:[:;/=,+]|\s\.)+\s*$")
_LEADING = re.compile(r"^\s*[:;/=,]\s+")
_SPACES = re.compile(r"\s+")
# Closing periods that belong to an abbreviation or an initial: "p.", "cm.", "J.", "etc."
_ABBREVIATION = re.compile(
    r"(?:\b[a-zàâçéèêëîïôûù]{1,3}|\b[A-Z]|\.\.|\bet al|\betc|\bcie|\bimpr|\bed|\béd)\.$"
)

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def strip_markers(value: str) -> str:
    """Remove non-filing markers and brace markers, keeping the text inside."""
    if "{" in value or "<<" in value:
        value = _BRACED.sub(lambda m: m.group(1) or m.group(2), value, count=1)
    return _MARKERS.sub("", value)


def split_nonfiling(value: str) -> tuple[str, str]:
    """Return (non-filing prefix, rest) of a title carrying markers."""
    match = _NONFILING.match(value)
    if match:
        return match.group(1), value[match.end() :]
    match = _BRACED.match(value)
    if match:
        return match.group(1) or match.group(2), value[match.end() :]
    return "", value


_PUNCTUATION = frozenset(":;/=,+. ")
_MARKER_CHARS = frozenset("\x88\x89\x98\x9c{<")


def clean(value: str | None) -> str:
    """Trim spaces, markers and ISBD punctuation left at either end of a value."""
    if not value:
        return ""
    if not _MARKER_CHARS.isdisjoint(value):
        value = strip_markers(value)
    if "  " in value or "\n" in value or "\t" in value or "\r" in value:
        value = _SPACES.sub(" ", value)
    value = value.strip()
    if value and value[-1] in _PUNCTUATION:
        value = _TRAILING.sub("", value)
    if value and value[0] in _PUNCTUATION:
        value = _LEADING.sub("", value)
    return value.strip()


def clean_final_period(value: str) -> str:
    """Drop the closing period MARC21 puts at the end of a field ("Jane Austen.")."""
    value = clean(value)
    if value.endswith(".") and not _ABBREVIATION.search(value):
        value = value[:-1].rstrip()
    return value


def fold(value: str) -> str:
    """Lower-case, accent-free form used for sort keys and matching."""
    value = value.translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def sort_key(value: str) -> str:
    """Folded title with punctuation turned into single spaces."""
    return _SPACES.sub(" ", re.sub(r"[^\w]+", " ", fold(value))).strip()
