"""Serialise pymarc records: ISO 2709, UNIMARC slim XML, PMB XML and MARCXML.

Pure Python (pymarc + lxml), no Zope.  The XML builders return lxml elements and are
written for throughput (the OAI-PMH provider serves thousands of records a second).
"""

import re

from lxml import etree

from rt.infodoc.marc.marc21 import unimarc_to_marc21
from rt.infodoc.marc.unimarc_builder import NoticeError
from rt.infodoc.marc.unimarc_builder import notice_to_unimarc

__all__ = [
    "MarcWriteError",
    "NoticeError",
    "notice_to_unimarc",
    "unimarc_to_marc21",
    "to_iso2709",
    "to_unimarc_slim",
    "to_pmb_xml",
    "to_marcxml",
    "unimarc_slim_collection",
    "marcxml_collection",
    "pmb_xml_collection",
    "is_marc21",
    "UNIMARC_SLIM_NS",
    "MARC21_SLIM_NS",
    "PMB_NS",
]

UNIMARC_SLIM_NS = "http://www.bncf.firenze.sbn.it/unimarc/slim"
MARC21_SLIM_NS = "http://www.loc.gov/MARC21/slim"
PMB_NS = "http://www.pmbservices.fr"

FIELD_TERMINATOR = b"\x1e"
RECORD_TERMINATOR = b"\x1d"
SUBFIELD_DELIMITER = b"\x1f"
_STRUCTURAL = re.compile("[\x1d\x1e\x1f]")
# Characters XML 1.0 forbids (C0 controls except tab/newline/return, surrogates, FFFE/FFFF).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class MarcWriteError(ValueError):
    """A record cannot be serialised (message in French)."""


def _leader_text(record):
    leader = str(record.leader)
    if len(leader) != 24:
        raise MarcWriteError(
            f"Le guide de la notice doit faire 24 caractères, il en fait {len(leader)}."
        )
    return leader


def _structural_error(tag):
    return MarcWriteError(
        f"La zone {tag} contient un caractère de structure ISO 2709 (1D, 1E ou 1F)."
    )


def _field_bytes(field, tag):
    if field.is_control_field():
        text = field.data or ""
        if _STRUCTURAL.search(text):
            raise _structural_error(tag)
    else:
        subfields = field.subfields
        text = (
            (field.indicator1 or " ")[:1]
            + (field.indicator2 or " ")[:1]
            + "".join(["\x1f" + sf.code + sf.value for sf in subfields])
        )
        if text.count("\x1f") != len(subfields) or "\x1e" in text or "\x1d" in text:
            raise _structural_error(tag)
        for sf in subfields:
            if len(sf.code) != 1:
                raise MarcWriteError(f"Code de sous-zone invalide « {sf.code} » en zone {tag}.")
    return text.encode("utf-8") + FIELD_TERMINATOR


def to_iso2709(record):
    """Return the record as ISO 2709 bytes, UTF-8.

    Record length, base address and directory are computed.  A MARC 21 record
    (leader/20-23 "4500") gets leader/09 "a" (UCS/Unicode); a UNIMARC record keeps its
    leader/09 (blank: UNIMARC declares its character set in 100$a/26-29).
    """
    leader = _leader_text(record)
    if leader[20:24] == "4500":
        leader = leader[:9] + "a" + leader[10:]
    directory = []
    body = []
    offset = 0
    for field in record.fields:
        tag = str(field.tag)
        if len(tag) != 3 or not tag.isascii():
            raise MarcWriteError(f"Étiquette de zone invalide : « {tag} ».")
        data = _field_bytes(field, tag)
        size = len(data)
        if size > 9999:
            raise MarcWriteError(f"La zone {tag} dépasse 9 999 octets ({size}).")
        directory.append(f"{tag}{size:04d}{offset:05d}")
        body.append(data)
        offset += size
    directory_bytes = "".join(directory).encode("ascii") + FIELD_TERMINATOR
    base_address = 24 + len(directory_bytes)
    length = base_address + offset + 1
    if length > 99999:
        raise MarcWriteError(f"La notice dépasse 99 999 octets ({length}).")
    head = f"{length:05d}{leader[5:10]}22{base_address:05d}{leader[17:]}".encode("ascii")
    return head + directory_bytes + b"".join(body) + RECORD_TERMINATOR


_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, remove_blank_text=False)


def _esc(value):
    return (value or "").translate(_ESCAPE)


def _parse(parts, parent):
    """Parse the XML text built in ``parts``; append it to ``parent`` when given.

    Building text and parsing it once in C is about twice as fast as creating each
    element from Python.  Characters XML 1.0 forbids are dropped (second pass only).
    """
    text = "".join(parts)
    try:
        element = etree.fromstring(text, _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        element = etree.fromstring(_XML_INVALID.sub("", text), _PARSER)
    if parent is not None:
        parent.append(element)
    return element


def _indicator(value):
    return _esc((value or " ")[:1])


def is_marc21(record):
    """True when the leader says MARC 21 ("4500" at 20-23)."""
    return str(record.leader)[20:24] == "4500"


def _slim_parts(
    record,
    open_tag,
    leader_tag,
    control_tag,
    data_tag,
    subfield_tag,
    tag_attr,
    ind1_attr,
    ind2_attr,
    code_attr,
):
    parts = [open_tag, f"<{leader_tag}>{_esc(str(record.leader))}</{leader_tag}>"]
    append = parts.append
    data_fields = []
    for field in record.fields:
        if field.is_control_field():
            append(
                f'<{control_tag} {tag_attr}="{_esc(field.tag)}">{_esc(field.data)}</{control_tag}>'
            )
        else:
            data_fields.append(field)
    for field in data_fields:
        append(
            f'<{data_tag} {tag_attr}="{_esc(field.tag)}" {ind1_attr}="{_indicator(field.indicator1)}" '
            f'{ind2_attr}="{_indicator(field.indicator2)}">'
        )
        for subfield in field.subfields:
            append(
                f'<{subfield_tag} {code_attr}="{_esc(subfield.code)}">{_esc(subfield.value)}</{subfield_tag}>'
            )
        append(f"</{data_tag}>")
    return parts


def to_unimarc_slim(record, parent=None):
    """Return a ``rec`` element in the UNIMARC slim namespace (unimarcslim.xsd).

    With ``parent`` (e.g. a ``collection`` element) the record is appended to it.
    """
    parts = _slim_parts(
        record,
        f'<rec xmlns="{UNIMARC_SLIM_NS}" type="Bibliographic">',
        "lab",
        "cf",
        "df",
        "sf",
        "t",
        "i1",
        "i2",
        "c",
    )
    parts.append("</rec>")
    return _parse(parts, parent)


def unimarc_slim_collection(records):
    """Return a UNIMARC slim ``collection`` element holding the records."""
    collection = etree.Element(f"{{{UNIMARC_SLIM_NS}}}collection", nsmap={None: UNIMARC_SLIM_NS})
    for record in records:
        to_unimarc_slim(record, collection)
    return collection


_PMB_HEADER = (("rs", 5), ("dt", 6), ("bl", 7), ("hl", 8), ("el", 17), ("ru", 18))


def to_pmb_xml(record, parent=None):
    """Return a PMB ``notice`` element (format pmb_xml_unimarc, namespace pmbservices.fr).

    Header elements come from the leader (rs=05, dt=06, bl=07, hl=08, el=17, ru=18);
    control fields are ``<f c="001">`` and data fields ``<f c="200" ind="1 ">`` holding
    ``<s c="a">`` subfields, as PMB's export writes them.
    """
    leader = str(record.leader).ljust(24)
    parts = [f'<notice xmlns="{PMB_NS}">']
    append = parts.append
    for name, position in _PMB_HEADER:
        append(f"<{name}>{_esc(leader[position])}</{name}>")
    for field in record.fields:
        if field.is_control_field():
            append(f'<f c="{_esc(field.tag)}">{_esc(field.data)}</f>')
        else:
            append(
                f'<f c="{_esc(field.tag)}" ind="{_indicator(field.indicator1)}{_indicator(field.indicator2)}">'
            )
            for subfield in field.subfields:
                append(f'<s c="{_esc(subfield.code)}">{_esc(subfield.value)}</s>')
            append("</f>")
    append("</notice>")
    return _parse(parts, parent)


def pmb_xml_collection(records):
    """Return a ``unimarc`` element holding PMB notices (PMB's export file shape)."""
    root = etree.Element(f"{{{PMB_NS}}}unimarc", nsmap={None: PMB_NS})
    for record in records:
        to_pmb_xml(record, root)
    return root


def to_marcxml(record, parent=None):
    """Return a MARCXML ``record`` element (MARC21slim.xsd).

    A UNIMARC record (leader not ending "4500") is first converted with
    :func:`unimarc_to_marc21`: UNIMARC tags in the MARC 21 namespace would be wrong
    and invalid.
    """
    if not is_marc21(record):
        record = unimarc_to_marc21(record)
    parts = _slim_parts(
        record,
        f'<record xmlns="{MARC21_SLIM_NS}" type="Bibliographic">',
        "leader",
        "controlfield",
        "datafield",
        "subfield",
        "tag",
        "ind1",
        "ind2",
        "code",
    )
    parts.append("</record>")
    return _parse(parts, parent)


def marcxml_collection(records):
    """Return a MARCXML ``collection`` element holding the records (converted if UNIMARC)."""
    collection = etree.Element(f"{{{MARC21_SLIM_NS}}}collection", nsmap={None: MARC21_SLIM_NS})
    for record in records:
        to_marcxml(record, collection)
    return collection
