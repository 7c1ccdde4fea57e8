"""Read MARC XML record by record: MARC21slim, UNIMARC slim, MarcXchange, PMB.

Element names (any namespace):

* MARC21slim / MarcXchange: record, leader, controlfield@tag, datafield@tag@ind1@ind2,
  subfield@code;
* UNIMARC slim (http://www.bncf.firenze.sbn.it/unimarc/slim): rec, lab, cf@t,
  df@t@i1@i2, sf@c;
* PMB pmb_xml_unimarc (http://www.pmbservices.fr): notice, rs, dt, bl, hl, el, ru,
  f@c@ind, s@c (also inside <unimarc> wrappers).

The file is parsed with lxml's recovering iterparse: a record spoiled by an XML error
is rejected (with the line and message), the records around it are kept.
"""

import unicodedata

from lxml import etree
from pymarc import Field
from pymarc import Indicators
from pymarc import Leader
from pymarc import Record
from pymarc import Subfield

from .flavour import UNIMARC
from .flavour import detect_flavour
from .iso2709 import RecordError
from .repairs import normalised
from .repairs import structural
from .result import ReadResult

RECORD_NAMES = frozenset(("record", "rec", "notice"))
_CONTROL_NAMES = {"controlfield": "tag", "cf": "t"}
_DATA_NAMES = {"datafield": "tag", "df": "t"}
_SUBFIELD_NAMES = frozenset(("subfield", "sf", "s"))
_LEADER_NAMES = frozenset(("leader", "lab"))
_PMB_LEADER = ("rs", "dt", "bl", "hl", "el", "ru")
_DEFAULT_LEADER = "00000nam  2200000   4500"
_INDICATOR_OK = frozenset("0123456789abcdefghijklmnopqrstuvwxyz |")


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""  # comments, processing instructions
    return tag.rsplit("}", 1)[-1]


def _text(value: str | None) -> str:
    if not value:
        return ""
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def _tag(raw: str | None, warnings: list, lost=str) -> str | None:
    """The field's tag, or None (field dropped); ``lost()`` gives its text."""
    tag = (raw or "").strip()
    if len(tag) == 3 and tag.isascii() and tag.isalnum():
        return tag
    if tag.isdigit() and len(tag) < 3:
        warnings.append(structural(f"étiquette {tag!r} lue comme {tag.zfill(3)!r}"))
        return tag.zfill(3)
    warnings.append(structural(f"étiquette {tag!r} invalide : champ ignoré", lost()))
    return None


def _indicator(value: str | None, tag: str, warnings: list) -> str:
    if not value:
        return " "
    if len(value) != 1 or value not in _INDICATOR_OK:
        warnings.append(
            normalised(f"champ {tag} : indicateur {value!r} invalide remplacé par un blanc")
        )
        return " "
    return value


def _pmb_leader(elem) -> str | None:
    parts = {}
    for child in elem:
        name = _local(child.tag)
        if name in _PMB_LEADER:
            parts[name] = (child.text or " ").strip()[:1] or " "
    if not parts:
        return None
    g = parts.get
    return f"00000{g('rs', 'n')}{g('dt', 'a')}{g('bl', 'm')}{g('hl', ' ')} 2200000{g('el', ' ')}{g('ru', ' ')} 450 "


def element_to_record(elem, flavour: str | None = None):
    """Convert one record element to (pymarc Record, flavour, identifier, warnings).

    `elem` may also be a wrapper (OAI <metadata> child, <collection>, <unimarc>)
    holding one record.  Raises RecordError (French reason) when nothing usable is
    found.
    """
    if _local(elem.tag) not in RECORD_NAMES:
        found = next(
            (e for e in elem.iter() if _local(e.tag) in RECORD_NAMES and e is not elem), None
        )
        if found is None:
            raise RecordError(f"aucune notice MARC dans l'élément <{_local(elem.tag)}>")
        elem = found
    warnings: list[str] = []
    is_pmb = _local(elem.tag) == "notice"
    leader = _pmb_leader(elem) if is_pmb else None
    fields = []
    identifier = None
    for child in elem:
        name = _local(child.tag)
        if name in _LEADER_NAMES:
            leader = _text(child.text)
        elif name in _CONTROL_NAMES or (
            is_pmb and name == "f" and not len(child) and (child.get("c") or "") < "010"
        ):
            value = _text(child.text)
            tag = _tag(child.get(_CONTROL_NAMES.get(name, "c")), warnings, lambda v=value: v)
            if tag is None:
                continue
            if tag.isdigit() and tag >= "010":  # local tags such as Aleph's FMT are fine
                warnings.append(
                    structural(
                        f"champ {tag} écrit comme champ de contrôle (sans sous-champ)", value
                    )
                )
            fields.append(Field(tag=tag, data=value))
            if tag == "001" and identifier is None:
                identifier = value.strip() or None
            elif tag == "001":
                warnings.append(structural(f"second champ 001 ({value.strip()!r})", value))
        elif name in _DATA_NAMES or (is_pmb and name == "f"):
            field = _data_field(child, name, is_pmb, warnings)
            if field is not None:
                fields.append(field)
        elif name == "s1":
            warnings.append(normalised("notice liée (s1) ignorée"))
    if not fields:
        raise RecordError("notice sans aucun champ")
    if not leader:
        warnings.append(normalised("label (leader) absent : label par défaut"))
        leader = _DEFAULT_LEADER
    if len(leader) != 24:
        warnings.append(normalised(f"label de {len(leader)} caractères corrigé"))
        leader = (leader + " " * 24)[:24]
    record = Record(force_utf8=True)
    record.leader = Leader(leader)
    record.fields = fields
    if is_pmb and not flavour:
        flavour = UNIMARC
    flavour = detect_flavour(leader, [f.tag for f in fields], flavour)
    return record, flavour, identifier, warnings


def _data_field(child, name, is_pmb, warnings):
    def texts():
        return " ".join(_text(sub.text) for sub in child)

    tag = _tag(child.get("c") if is_pmb else child.get(_DATA_NAMES[name]), warnings, texts)
    if tag is None:
        return None
    if tag.isdigit() and tag < "010":
        warnings.append(
            structural(f"champ de contrôle {tag} écrit comme champ de données", texts())
        )
    if is_pmb:
        ind = (child.get("ind") or "  ") + "  "
        ind1, ind2 = ind[0], ind[1]
    else:
        ind1 = child.get("ind1", child.get("i1"))
        ind2 = child.get("ind2", child.get("i2"))
    ind1 = _indicator(ind1, tag, warnings)
    ind2 = _indicator(ind2, tag, warnings)
    subfields = []
    for sub in child:
        if _local(sub.tag) not in _SUBFIELD_NAMES:
            continue
        code = sub.get("code", sub.get("c"))
        value = _text(sub.text)
        if not code or len(code) != 1:
            warnings.append(
                structural(f"champ {tag} : sous-champ sans code valide ignoré ({value!r})", value)
            )
            continue
        if not value:
            warnings.append(normalised(f"champ {tag} : sous-champ ${code} vide ignoré"))
            continue
        subfields.append(Subfield(code, value))
    if not subfields:
        warnings.append(normalised(f"champ {tag} : aucun sous-champ, champ ignoré"))
        return None
    return Field(tag=tag, indicators=Indicators(ind1, ind2), subfields=subfields)


def read_element(elem, flavour: str | None = None, position: int = 1):
    """Read one lxml element (e.g. an OAI <metadata> child) into a ReadResult."""
    result = ReadResult(position=position, encoding="utf-8")
    result.raw = etree.tostring(elem, encoding="utf-8")
    try:
        record, result.flavour, result.identifier, result.warnings = element_to_record(
            elem, flavour
        )
    except RecordError as exc:
        result.error = str(exc)
        ids = [e for e in elem.iter() if _local(e.tag) in ("controlfield", "cf", "f")]
        for e in ids:
            if (e.get("tag") or e.get("t") or e.get("c")) == "001" and e.text:
                result.identifier = e.text.strip()
                break
    else:
        result.record = record
    return result


def read_xml(stream, flavour: str | None = None):
    """Yield a ReadResult per record of an XML stream, one bad record at a time."""
    parser = etree.iterparse(
        stream, events=("start", "end"), recover=True, huge_tree=True, remove_comments=True
    )
    position = 0
    depth = 0
    pending = None  # (result, start line): errors are attributed by line range
    start_line = 0

    def finish(result, first_line, next_line):
        errors = [
            e
            for e in parser.error_log
            if e.line >= first_line and (next_line is None or e.line < next_line)
        ]
        if errors and result.error is None:
            first = errors[0]
            result.error = f"XML mal formé ligne {first.line} : {first.message}"
            result.record = None
        return result

    try:
        for event, elem in parser:
            if _local(elem.tag) not in RECORD_NAMES:
                continue
            if event == "start":
                depth += 1
                if depth == 1:
                    start_line = elem.sourceline or 0
                    if pending is not None:
                        yield finish(pending[0], pending[1], start_line)
                        pending = None
                continue
            depth -= 1
            if depth:
                continue  # a record embedded in another one
            position += 1
            pending = (read_element(elem, flavour, position), start_line)
            elem.clear()
            parent = elem.getparent()
            if parent is not None:
                while elem.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        if pending is not None:
            yield finish(pending[0], pending[1], None)
            pending = None
            position += 1
        yield ReadResult(position=position, error=f"XML illisible : {exc}")
    if pending is not None:
        yield finish(pending[0], pending[1], None)
    if position == 0:
        yield ReadResult(position=1, error="aucune notice MARC trouvée dans le fichier XML")
