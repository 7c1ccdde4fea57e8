"""Convert a UNIMARC record into a MARC 21 bibliographic record (pure Python, pymarc only).

A field-by-field conversion (not a re-labelling): tags, indicators, subfield codes,
ISBD punctuation, the 24-character leader ("4500", leader/09 "a") and the 008 are
rebuilt for MARC 21.
"""

import re

from pymarc import Field
from pymarc import Indicators
from pymarc import Leader
from pymarc import Record
from pymarc import Subfield

from rt.infodoc.marc.unimarc_builder import NSB
from rt.infodoc.marc.unimarc_builder import NSE
from rt.infodoc.marc.unimarc_builder import RELATORS

#: UNIMARC relator codes -> MARC relator codes.
MARC_RELATORS = {
    "010": "adp",
    "020": "ann",
    "070": "aut",
    "080": "aui",
    "100": "ant",
    "205": "ctb",
    "220": "com",
    "340": "edt",
    "440": "ill",
    "557": "orm",
    "600": "pht",
    "651": "pbd",
    "673": "rth",
    "727": "ths",
    "730": "trl",
}
#: UNIMARC leader/06 -> MARC 21 leader/06.
RECORD_TYPES = {
    "a": "a",
    "b": "t",
    "c": "c",
    "d": "d",
    "e": "e",
    "f": "f",
    "g": "g",
    "i": "i",
    "j": "j",
    "k": "k",
    "l": "m",
    "m": "o",
    "r": "r",
}
#: UNIMARC leader/17 -> MARC 21 leader/17.
ENCODING_LEVELS = {" ": " ", "1": "1", "2": "8", "3": "3"}
#: UNIMARC 100$a/8 (type of publication date) -> MARC 21 008/06.
DATE_TYPES = {
    "a": "c",
    "b": "d",
    "c": "u",
    "d": "s",
    "e": "r",
    "f": "q",
    "g": "m",
    "h": "t",
    "i": "p",
    "j": "e",
    "k": "s",
    "u": "u",
}
_COUNTRIES = {
    "FR": "fr ",
    "BE": "be ",
    "CH": "sz ",
    "CA": "xxc",
    "GB": "xxk",
    "US": "xxu",
    "DE": "gw ",
    "ES": "sp ",
    "IT": "it ",
}
_YEAR = re.compile(r"\d{4}")


def strip_non_filing(text):
    """Return (text without NSB/NSE markers, length of the non-filing part)."""
    if NSB not in text and NSE not in text:
        return text, 0
    length = 0
    if text.startswith(NSB) and NSE in text:
        length = text.index(NSE) - 1
    return text.replace(NSB, "").replace(NSE, ""), length


def _clean(text):
    if NSB in text or NSE in text:
        text = text.replace(NSB, "").replace(NSE, "")
    return text.strip()


def _values(field, code):
    values = []
    for subfield in field.subfields:
        if subfield.code == code:
            value = _clean(subfield.value)
            if value:
                values.append(value)
    return values


def _first(field, code):
    values = _values(field, code)
    return values[0] if values else ""


def _punctuate(pairs):
    """Drop empty subfields and add the ISBD mark announcing the next subfield."""
    pairs = [(code, value, mark) for code, value, mark in pairs if value]
    subfields = []
    for position, (code, value, _) in enumerate(pairs):
        if position + 1 < len(pairs):
            mark = pairs[position + 1][2]
            if mark and not value.endswith(mark.strip()):
                value = f"{value}{mark}"
        subfields.append(Subfield(code, value))
    return subfields


def _make(tag, ind1, ind2, subfields):
    subfields = [s if isinstance(s, Subfield) else Subfield(*s) for s in subfields]
    subfields = [s for s in subfields if s.value]
    if not subfields:
        return None
    return Field(tag=tag, indicators=Indicators(ind1, ind2), subfields=subfields)


def _title(field, has_main_entry):
    titles = [v for v in field.get_subfields("a") if v.strip()]
    main, non_filing = strip_non_filing(titles[0].strip()) if titles else ("", 0)
    main = " ; ".join([main] + [_clean(v) for v in titles[1:]])
    responsibility = " ; ".join(_values(field, "f") + _values(field, "g"))
    subfields = _punctuate(
        [
            ("a", main, ""),
            ("n", _first(field, "h"), "."),
            ("p", _first(field, "i"), ","),
            ("b", " : ".join(_values(field, "e")), " :"),
            ("c", responsibility, " /"),
        ]
    )
    return _make("245", "1" if has_main_entry else "0", str(min(non_filing, 9)), subfields)


def _publication(field):
    tag = "260" if field.tag == "210" else "264"
    ind2 = " " if tag == "260" else (field.indicator2 if field.indicator2 in "01234" else "1")
    pairs = [("a", place, " ;") for place in _values(field, "a")]
    pairs += [("b", publisher, " :") for publisher in _values(field, "c")]
    pairs += [("c", date, ",") for date in _values(field, "d")]
    return _make(tag, " ", ind2, _punctuate(pairs))


def _physical(field):
    return _make(
        "300",
        " ",
        " ",
        _punctuate(
            [
                ("a", _first(field, "a"), ""),
                ("b", _first(field, "c"), " :"),
                ("c", _first(field, "d"), " ;"),
                ("e", _first(field, "e"), " +"),
            ]
        ),
    )


def _person_name(field):
    surname, forename = _first(field, "a"), _first(field, "b")
    return f"{surname}, {forename}" if forename else surname


def _relator_subfields(field):
    codes = _values(field, "4")
    labels = [RELATORS[c].lower() for c in codes if c in RELATORS]
    return [("e", ", ".join(labels))] + [("4", MARC_RELATORS.get(c, c)) for c in codes]


def _person(field, tag):
    ind1 = "1" if field.indicator2 == "1" else "0"
    return _make(
        tag,
        ind1,
        " ",
        [("a", _person_name(field)), ("c", _first(field, "c")), ("d", _first(field, "f"))]
        + _relator_subfields(field),
    )


def _corporate(field, main):
    meeting = field.indicator1 == "1"
    tag = ("11" if main else "71") + ("1" if meeting else "0")
    if meeting:
        subfields = [
            ("a", _first(field, "a")),
            ("n", _first(field, "d")),
            ("d", _first(field, "f")),
            ("c", _first(field, "e")),
        ]
    else:
        subfields = [("a", _first(field, "a"))] + [("b", v) for v in _values(field, "b")]
    return _make(tag, "2", " ", subfields + _relator_subfields(field))


def _subject(field, tag):
    source = _first(field, "2")
    subfields = []
    if tag == "600":
        subfields.append(("a", _person_name(field)))
        subfields.append(("d", _first(field, "f")))
    else:
        subfields.append(("a", _first(field, "a")))
    for code, value in ((s.code, _clean(s.value)) for s in field.subfields):
        target = {"x": "x", "y": "z", "z": "y", "j": "v"}.get(code)
        if target and value:
            subfields.append((target, value))
    if source:
        subfields.append(("2", source))
    ind1 = {"600": "1", "610": "2"}.get(tag, " ")
    return _make(tag, ind1, "7" if source else "4", subfields)


class _Fields:
    """The fields of a record indexed by tag (one pass instead of one scan per tag)."""

    def __init__(self, record):
        self.fields = record.fields
        self.by_tag = {}
        for field in record.fields:
            self.by_tag.setdefault(field.tag, []).append(field)

    def __call__(self, *tags):
        if len(tags) == 1:
            return self.by_tag.get(tags[0], [])
        wanted = set(tags)
        return [field for field in self.fields if field.tag in wanted]


def _control_008(get, language, electronic):
    coded = ""
    for field in get("100"):
        coded = (field.get("a") or "").ljust(36)
        break
    entered = coded[2:8] if coded[:8].strip().isdigit() else ""
    if not entered:
        stamp = get("005")[0].data if get("005") else ""
        entered = stamp[2:8] if stamp[:8].isdigit() else "||||||"
    date1, date2, date_type = coded[9:13], coded[13:17], DATE_TYPES.get(coded[8:9], "")
    if not date1.strip():
        found = [_YEAR.search(v) for f in get("210", "214") for v in f.get_subfields("d")]
        found = [m.group(0) for m in found if m]
        date1, date2, date_type = (found[0], "    ", "s") if found else ("uuuu", "    ", "n")
    country = "xx "
    for field in get("102"):
        country = _COUNTRIES.get((field.get("a") or "").upper(), "xx ")
        break
    books = "    " + " " + ("o" if electronic else " ") + "    " + " 000 0 "
    value = (
        entered
        + (date_type or "s")
        + date1.ljust(4)
        + date2.ljust(4)
        + country
        + books
        + (language or "und")[:3].ljust(3)
        + " d"
    )
    assert len(value) == 40, (len(value), value)
    return Field(tag="008", data=value)


def _leader(unimarc_leader):
    old = str(unimarc_leader).ljust(24)
    status = old[5] if old[5] in "acdnp" else "n"
    record_type = RECORD_TYPES.get(old[6], "a")
    level = old[7] if old[7] in "abcdims" else "m"
    return Leader(
        "00000"
        + status
        + record_type
        + level
        + " a2200000"
        + ENCODING_LEVELS.get(old[17], " ")
        + "i 4500"
    )


def _items(field):
    site, call_number = _first(field, "b"), _first(field, "k")
    holding = _make(
        "852",
        " ",
        " ",
        [("b", site), ("c", _first(field, "q")), ("h", call_number), ("p", _first(field, "f"))],
    )
    local = _make("949", " ", " ", [(s.code, s.value) for s in field.subfields])
    return [holding, local]


def unimarc_to_marc21(record):
    """Return a new pymarc.Record: the MARC 21 conversion of a UNIMARC record."""
    out = []
    get = _Fields(record)
    languages = [v for f in get("101") for v in _values(f, "a")]
    electronic = bool(get("856")) and not get("995")
    main_entry = main_source = None
    for field in get("001", "003", "005"):
        out.append(Field(tag=field.tag, data=field.data))
    out.append(_control_008(get, languages[0] if languages else "", electronic))
    for field in get("010"):
        out.append(
            _make(
                "020",
                " ",
                " ",
                [("a", _first(field, "a")), ("c", _first(field, "d")), ("z", _first(field, "z"))],
            )
        )
    for field in get("011"):
        out.append(_make("022", " ", " ", [("a", _first(field, "a")), ("z", _first(field, "z"))]))
    for field in get("345"):
        out.append(_make("024", "3", " ", [("a", _first(field, "b"))]))
    if languages:
        originals = [v for f in get("101") for v in _values(f, "c")]
        translated = any(f.indicator1 == "1" for f in get("101"))
        out.append(
            _make(
                "041",
                "1" if translated else "0",
                " ",
                [("a", v) for v in languages] + [("h", v) for v in originals],
            )
        )
    for field in get("676"):
        out.append(_make("082", "0", "4", [("a", _first(field, "a")), ("2", _first(field, "v"))]))
    for field in get("686"):
        out.append(_make("084", " ", " ", [("a", _first(field, "a")), ("2", _first(field, "2"))]))
    if get("700"):
        main_source = get("700")[0]
        main_entry = _person(main_source, "100")
    elif get("710"):
        main_source = get("710")[0]
        main_entry = _corporate(main_source, main=True)
    if main_entry is not None:
        out.append(main_entry)
    for field in get("200")[:1]:
        out.append(_title(field, main_entry is not None))
    for field in get("205"):
        out.append(_make("250", " ", " ", [("a", _first(field, "a"))]))
    for field in get("210", "214"):
        out.append(_publication(field))
    for field in get("215"):
        out.append(_physical(field))
    for field in get("225"):
        out.append(
            _make(
                "490",
                "0",
                " ",
                _punctuate(
                    [
                        ("a", _first(field, "a"), ""),
                        ("x", _first(field, "x"), ","),
                        ("v", _first(field, "v"), " ;"),
                    ]
                ),
            )
        )
    for field in get("300"):
        out.append(_make("500", " ", " ", [("a", v) for v in _values(field, "a")]))
    for field in get("327"):
        out.append(_make("505", "0", " ", [("a", " -- ".join(_values(field, "a")))]))
    for field in get("330"):
        out.append(_make("520", " ", " ", [("a", " ".join(_values(field, "a")))]))
    subject_tags = {
        "600": "600",
        "601": "610",
        "602": "600",
        "604": "600",
        "605": "630",
        "606": "650",
        "607": "651",
        "608": "655",
    }
    for field in get(*subject_tags):
        out.append(_subject(field, subject_tags[field.tag]))
    for field in get("610"):
        out.extend(_make("653", " ", " ", [("a", v)]) for v in _values(field, "a"))
    for field in get("700", "701", "702", "710", "711", "712"):
        if field is main_source:
            continue
        if field.tag.startswith("70"):
            out.append(_person(field, "700"))
        else:
            out.append(_corporate(field, main=False))
    for field in get("461", "464"):
        out.append(_make("773", "0", " ", [("t", _first(field, "t")), ("g", _first(field, "v"))]))
    for field in get("856"):
        out.append(
            _make(
                "856",
                "4",
                "0",
                [("u", v) for v in _values(field, "u")] + [("z", _first(field, "z"))],
            )
        )
    for field in get("995"):
        out.extend(_items(field))

    result = Record(force_utf8=True)
    result.leader = _leader(record.leader)
    fields = [f for f in out if f is not None]
    fields.sort(key=lambda f: f.tag)
    for field in fields:
        result.add_field(field)
    return result
