"""Tell UNIMARC from MARC21, record by record."""

UNIMARC = "unimarc"
MARC21 = "marc21"
FLAVOURS = (UNIMARC, MARC21)

# tag -> weight; positive means UNIMARC, negative means MARC21.
_TAG_WEIGHTS = {
    "200": 4,
    "210": 2,
    "214": 2,
    "215": 2,
    "225": 1,
    "101": 2,
    "102": 1,
    "105": 1,
    "106": 1,
    "330": 1,
    "606": 1,
    "610": 1,
    "676": 1,
    "700": 1,
    "701": 2,
    "702": 2,
    "710": 1,
    "801": 2,
    "995": 2,
    "245": -4,
    "260": -2,
    "264": -2,
    "008": -2,
    "040": -2,
    "020": -1,
    "082": -1,
    "300": -1,
    "490": -1,
    "520": -1,
    "650": -2,
    "653": -1,
    "852": -1,
}


def detect_flavour(leader: str, tags, override: str | None = None) -> str:
    """Return "unimarc" or "marc21" from a leader and the record's tags.

    `override` (one of FLAVOURS) wins when given.
    """
    if override:
        if override not in FLAVOURS:
            raise ValueError(f"unknown MARC flavour {override!r}")
        return override
    score = 0
    for tag in set(tags):
        score += _TAG_WEIGHTS.get(tag, 0)
    tail = leader[20:24] if len(leader) >= 24 else ""
    if tail == "450 ":
        score += 2
    # MARC21 leader/18 (descriptive form) is one of " aciu"; UNIMARC leader/18
    # is " in" too, so only the implementation-defined part above is used.
    return UNIMARC if score > 0 else MARC21


def record_flavour(record, override: str | None = None) -> str:
    """Flavour of a pymarc Record."""
    return detect_flavour(str(record.leader), (f.tag for f in record.fields), override)
