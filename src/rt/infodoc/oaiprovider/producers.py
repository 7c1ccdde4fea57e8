"""Metadata of one content object in each format, as serialised bytes.

Notices: ``oai_dc``, ``unimarc`` (UNIMARC slim), ``marcxml`` (MARC 21 slim,
converted from UNIMARC) and ``pmb_xml_unimarc``. The original record imported
from COSOTer (``marc_record``) is served when there is one; otherwise UNIMARC is
built from the fields. Productions: ``oai_dc`` only.
"""

import datetime
import logging

from lxml import etree

from rt.infodoc.content.notice import IMPORTED_FIELDS
from rt.infodoc.content.notice import schema_to_notice_fields
from rt.infodoc.marc.exports.dublincore import to_oai_dc
from rt.infodoc.marc.iso2709 import RecordError
from rt.infodoc.marc.iso2709 import parse_record
from rt.infodoc.marc.unimarc_builder import NoticeError
from rt.infodoc.marc.unimarc_builder import notice_to_unimarc
from rt.infodoc.marc.vocabulary import TERRITORY_NAMES
from rt.infodoc.marc.vocabulary import THEME_LABELS
from rt.infodoc.marc.writers import MARC21_SLIM_NS
from rt.infodoc.marc.writers import UNIMARC_SLIM_NS
from rt.infodoc.marc.writers import MarcWriteError
from rt.infodoc.marc.writers import to_marcxml
from rt.infodoc.marc.writers import to_pmb_xml
from rt.infodoc.marc.writers import to_unimarc_slim
from rt.infodoc.marc.writers import unimarc_to_marc21
from rt.infodoc.oai.metadata import OAI_DC
from rt.infodoc.oai.metadata import PMB_XML_UNIMARC
from rt.infodoc.oai.metadata import oai_dc
from rt.infodoc.oai.repository import MetadataFormat

logger = logging.getLogger("rt.infodoc.oaiprovider")

UNIMARC = MetadataFormat(
    "unimarc",
    "http://www.bncf.firenze.sbn.it/unimarc/slim/documentation/unimarcslim.xsd",
    UNIMARC_SLIM_NS,
)
MARCXML = MetadataFormat(
    "marcxml", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", MARC21_SLIM_NS
)

ALL_FORMATS = (OAI_DC, UNIMARC, MARCXML, PMB_XML_UNIMARC)
PRODUCTION_FORMATS = (OAI_DC,)
MARC_PREFIXES = frozenset({UNIMARC.prefix, MARCXML.prefix, PMB_XML_UNIMARC.prefix})

PUBLISHER = "Ressources & Territoires"

# portal_type -> (French label written in dc:type, DCMI type)
PRODUCTION_TYPES = {
    "FicheExperience": ("Fiche expérience", "Text"),
    "ConfAt": ("Actes de Conf'At'", "Text"),
    "DossierThematique": ("Dossier thématique", "Text"),
    "PanoramaPresse": ("Panorama de presse", "Text"),
    "Periodique": ("Périodique", "Text"),
    "NumeroPeriodique": ("Numéro de périodique", "Text"),
    "Mallette": ("Mallette pédagogique", "PhysicalObject"),
}

_NOTICE_KEYS = tuple(n for n in IMPORTED_FIELDS if n not in ("marc_record", "marc_flavour"))


def formats_for(portal_type):
    return ALL_FORMATS if portal_type == "Notice" else PRODUCTION_FORMATS


def _present(value):
    return value not in (None, "", [], (), {})


def notice_fields(obj):
    """The Notice's values as a dict of the field contract (docs/notice-fields.md)."""
    values = {"title": obj.title}
    for name in _NOTICE_KEYS + ("themes", "territory"):
        value = getattr(obj, name, None)
        if _present(value):
            values[name] = list(value) if isinstance(value, tuple) else value
    return schema_to_notice_fields({k: v for k, v in values.items() if _present(v)})


def original_record(obj):
    """(pymarc record, "unimarc" | "marc21") of a Notice's imported record, or
    None when it has none or it cannot be read."""
    text = getattr(obj, "marc_record", None)
    if not text:
        return None
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    try:
        parsed = parse_record(data, getattr(obj, "marc_flavour", None) or None)
    except (RecordError, ValueError) as exc:
        logger.warning("notice %s : notice MARC d'origine illisible (%s)", obj.UID(), exc)
        return None
    return parsed.record, parsed.flavour


def normalise_unimarc_leader(record):
    """UNIMARC's leader ends with "450 " (positions 20-23) and counts 2 for the
    indicators and the subfield code (10-11); PMB exports often carry MARC 21's
    "4500", which UNIMARC slim refuses."""
    leader = str(record.leader).ljust(24)
    fixed = leader[:10] + "22" + leader[12:20] + "450 "
    if fixed != leader:
        record.leader = fixed
    return record


def built_unimarc(obj, fields):
    created = obj.created()
    date_entered = datetime.date(created.year(), created.month(), created.day())
    try:
        return notice_to_unimarc(fields, date_entered=date_entered, record_id=obj.UID())
    except NoticeError:
        # An unknown document type must not keep the record from being served.
        fields = {k: v for k, v in fields.items() if k != "document_type"}
        return notice_to_unimarc(fields, date_entered=date_entered, record_id=obj.UID())


def _bytes(element):
    return etree.tostring(element, encoding="utf-8", xml_declaration=False)


class NoticeProducer:
    """Computes a Notice's formats, reading the object and its record once."""

    def __init__(self, obj, url):
        self.obj = obj
        self.url = url
        self._fields = None
        self._original = False
        self._unimarc = None

    @property
    def fields(self):
        if self._fields is None:
            self._fields = notice_fields(self.obj)
        return self._fields

    @property
    def original(self):
        if self._original is False:
            self._original = original_record(self.obj)
        return self._original

    @property
    def unimarc_record(self):
        if self._unimarc is None:
            original = self.original
            if original is not None and original[1] == "unimarc":
                self._unimarc = normalise_unimarc_leader(original[0])
            else:
                self._unimarc = built_unimarc(self.obj, self.fields)
        return self._unimarc

    def produce(self, prefix):
        if prefix == "oai_dc":
            return _bytes(to_oai_dc(self.fields, url=self.url))
        try:
            if prefix == "unimarc":
                return _bytes(to_unimarc_slim(self.unimarc_record))
            if prefix == "pmb_xml_unimarc":
                return _bytes(to_pmb_xml(self.unimarc_record))
            if prefix == "marcxml":
                original = self.original
                if original is not None and original[1] == "marc21":
                    return _bytes(to_marcxml(original[0]))
                # Converted explicitly: a UNIMARC leader may also end in "4500".
                return _bytes(to_marcxml(unimarc_to_marc21(self.unimarc_record)))
        except (MarcWriteError, NoticeError) as exc:
            logger.warning("notice %s : format %s impossible (%s)", self.obj.UID(), prefix, exc)
            return None
        return None


def _day(value):
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    try:  # Zope DateTime
        return value.strftime("%Y-%m-%d")
    except AttributeError:
        return None


def production_dc(obj, url):
    """oai_dc bytes of a production of the centre (fiche, Conf'At', dossier...)."""
    label, dcmi = PRODUCTION_TYPES.get(obj.portal_type, (obj.portal_type, "Text"))
    themes = getattr(obj, "themes", None) or []
    date = _day(getattr(obj, "date", None)) or _day(obj.effective_date) or _day(obj.created())
    contributors = [
        s.get("name")
        for s in (getattr(obj, "speakers", None) or [])
        if isinstance(s, dict) and s.get("name")
    ]
    identifiers = [url]
    if getattr(obj, "issn", None):
        identifiers.append(f"URN:ISSN:{obj.issn}")
    description = [obj.description] if obj.description else []
    return oai_dc(
        {
            "title": obj.title,
            "creator": PUBLISHER,
            "subject": [THEME_LABELS.get(t, t) for t in themes],
            "description": description,
            "publisher": getattr(obj, "publisher", None) or PUBLISHER,
            "contributor": contributors,
            "date": date,
            "type": [label, dcmi],
            "identifier": identifiers,
            "language": "fre",
            "coverage": [TERRITORY_NAMES.get(t, t) for t in getattr(obj, "territory", None) or []],
        }
    )


def produce(obj, prefix, url):
    """Bytes of ``obj`` in ``prefix``, or None when it has no such format."""
    if prefix not in {f.prefix for f in formats_for(obj.portal_type)}:
        return None
    if obj.portal_type == "Notice":
        return NoticeProducer(obj, url).produce(prefix)
    return production_dc(obj, url)
