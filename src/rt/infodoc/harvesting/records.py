"""A harvested OAI record -> the ReadResult the importer takes (pure Python).

MARC formats (pmb_xml_unimarc, unimarc, marcxml, MARC21-xml...) go through
``marc.xml_reader.read_element``; oai_dc goes through ``dublin_core`` and the
UNIMARC builder.  ``raw`` is the record's own XML, so an unchanged record is
recognised by the importer before it is mapped again.
"""

import datetime

from lxml import etree
from pymarc import Field

from rt.infodoc.marc.flavour import UNIMARC
from rt.infodoc.marc.reader import ReadResult
from rt.infodoc.marc.unimarc_builder import NoticeError
from rt.infodoc.marc.unimarc_builder import notice_to_unimarc
from rt.infodoc.marc.xml_reader import read_element

from .dublin_core import dc_to_notice
from .dublin_core import read_dc
from .identifiers import cosoter_id

DUBLIN_CORE_PREFIXES = frozenset(("oai_dc",))


def _entered(datestamp):
    try:
        return datetime.date.fromisoformat(datestamp[:10])
    except (TypeError, ValueError):
        return None


def dc_result(record, position):
    """ReadResult of an oai_dc record (built as UNIMARC from the notice dict)."""
    element = record.metadata_element
    ident = cosoter_id(record.identifier)
    result = ReadResult(
        position=position,
        encoding="utf-8",
        flavour=UNIMARC,
        identifier=ident,
        raw=etree.tostring(element, encoding="utf-8"),
    )
    notice, warnings = dc_to_notice(read_dc(element), ident)
    result.warnings.extend(warnings)
    try:
        result.record = notice_to_unimarc(notice, date_entered=_entered(record.datestamp))
    except NoticeError as exc:
        result.error = f"Dublin Core inutilisable ({record.identifier}) : {exc}"
    return result


def marc_result(record, position):
    """ReadResult of a MARC XML record; its 001 checked against the OAI identifier."""
    result = read_element(record.metadata_element, position=position)
    ident = cosoter_id(record.identifier)
    if not result.ok or not ident:
        result.identifier = result.identifier or ident
        return result
    if result.identifier is None:
        result.record.add_ordered_field(Field(tag="001", data=ident))
        result.identifier = ident
        result.warnings.append(
            f"001 absent : identifiant « {ident} » repris de l'identifiant OAI {record.identifier}"
        )
    elif result.identifier != ident:
        result.warnings.append(
            f"001 « {result.identifier} » différent de l'identifiant OAI "
            f"{record.identifier} : une suppression annoncée par OAI ne sera pas reconnue"
        )
    return result


def to_read_result(record, position):
    """ReadResult of a (non-deleted) HarvestedRecord, by its metadata prefix."""
    if record.prefix in DUBLIN_CORE_PREFIXES:
        return dc_result(record, position)
    return marc_result(record, position)
