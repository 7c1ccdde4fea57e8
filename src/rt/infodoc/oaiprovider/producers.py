"""Metadata of one content object in each format, as serialised bytes.

Notices: ``oai_dc``, ``unimarc`` (UNIMARC slim), ``marcxml`` (MARC 21 slim) and
``pmb_xml_unimarc``, all three from the Notice's one outgoing record
(marc.outgoing): the record imported from COSOTer with the centre's changes written
in, or UNIMARC built from the fields. Productions: ``oai_dc`` only.
"""

import datetime
import logging

from lxml import etree

from rt.infodoc.content.notice_marc import notice_fields
from rt.infodoc.content.notice_marc import outgoing_of
from rt.infodoc.marc.exports.dublincore import to_oai_dc
from rt.infodoc.marc.unimarc_builder import NoticeError
from rt.infodoc.marc.vocabulary import TERRITORY_NAMES
from rt.infodoc.marc.vocabulary import THEME_LABELS
from rt.infodoc.marc.writers import MARC21_SLIM_NS
from rt.infodoc.marc.writers import UNIMARC_SLIM_NS
from rt.infodoc.marc.writers import MarcWriteError
from rt.infodoc.marc.writers import to_marcxml
from rt.infodoc.marc.writers import to_pmb_xml
from rt.infodoc.marc.writers import to_unimarc_slim
from rt.infodoc.oaiprovider.engine.metadata import OAI_DC
from rt.infodoc.oaiprovider.engine.metadata import PMB_XML_UNIMARC
from rt.infodoc.oaiprovider.engine.metadata import oai_dc
from rt.infodoc.oaiprovider.engine.repository import MetadataFormat

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
    "Actualite": ("Actualité", "Text"),
}


def formats_for(portal_type):
    return ALL_FORMATS if portal_type == "Notice" else PRODUCTION_FORMATS


def _bytes(element):
    return etree.tostring(element, encoding="utf-8", xml_declaration=False)


class NoticeProducer:
    """Computes a Notice's formats, reading the object and its record once.

    The MARC formats serve the Notice's one outgoing record (content.notice_marc):
    the kept record with the centre's changes, or a record built from the fields.
    Built when the metadata cache is filled, never on the cached path.
    """

    def __init__(self, obj, url):
        self.obj = obj
        self.url = url
        self._fields = None
        self._outgoing = None

    @property
    def fields(self):
        if self._fields is None:
            self._fields = notice_fields(self.obj)
        return self._fields

    @property
    def outgoing(self):
        if self._outgoing is None:
            self._outgoing = outgoing_of(self.obj, self.fields)
        return self._outgoing

    def _unimarc(self):
        try:
            return self.outgoing.unimarc()
        except NoticeError:
            # An unknown document type must not keep the record from being served.
            fields = {k: v for k, v in self.fields.items() if k != "document_type"}
            self._outgoing = outgoing_of(self.obj, fields)
            return self._outgoing.unimarc()

    def _marc21(self):
        try:
            return self.outgoing.marc21()
        except NoticeError:
            self._unimarc()  # the same retry, then its MARC 21
            return self._outgoing.marc21()

    def produce(self, prefix):
        if prefix == "oai_dc":
            return _bytes(to_oai_dc(self.fields, url=self.url))
        try:
            if prefix == "unimarc":
                return _bytes(to_unimarc_slim(self._unimarc()))
            if prefix == "pmb_xml_unimarc":
                return _bytes(to_pmb_xml(self._unimarc()))
            if prefix == "marcxml":
                return _bytes(to_marcxml(self._marc21()))
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
