"""Dublin Core (oai_dc) export of a notice dict, as an lxml element."""

from lxml import etree

from rt.infodoc.marc.exports.common import DOCUMENT_TYPE_LABELS
from rt.infodoc.marc.exports.common import authors
from rt.infodoc.marc.exports.common import title_with_subtitle
from rt.infodoc.marc.unimarc_builder import TERRITORY_NAMES

OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC_ELEMENTS = (
    "title",
    "creator",
    "subject",
    "description",
    "publisher",
    "contributor",
    "date",
    "type",
    "format",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
)

#: document_type token -> DCMI Type vocabulary term.
DCMI_TYPES = {
    "video": "MovingImage",
    "site-web": "InteractiveResource",
    "mallette": "PhysicalObject",
    "outil-pedagogique": "PhysicalObject",
    "periodique": "Text",
}

_NSMAP = {"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
_DC = f"{{{DC_NS}}}"


def dc_pairs(notice, url=None, rights=None):
    """Return the (element name, value) pairs of the Dublin Core description."""
    pairs = [("title", title_with_subtitle(notice))]
    creators, editors, others = authors(notice)
    pairs += [("creator", a["name"]) for a in creators]
    pairs += [("contributor", a["name"]) for a in editors + others]
    pairs += [
        ("subject", term)
        for term in (notice.get("descriptors") or []) + (notice.get("keywords") or [])
    ]
    if notice.get("dewey"):
        pairs.append(("subject", notice["dewey"]))
    for key in ("summary", "contents"):
        if notice.get(key):
            pairs.append(("description", notice[key]))
    if notice.get("publisher"):
        pairs.append(("publisher", notice["publisher"]))
    if notice.get("year"):
        pairs.append(("date", str(notice["year"])))
    document_type = notice.get("document_type")
    if document_type:
        pairs.append(("type", DOCUMENT_TYPE_LABELS.get(document_type, document_type)))
    pairs.append(("type", DCMI_TYPES.get(document_type, "Text")))
    if notice.get("collation"):
        pairs.append(("format", notice["collation"]))
    pairs += [
        ("identifier", "URN:ISBN:" + isbn.replace("-", "").replace(" ", ""))
        for isbn in notice.get("isbn") or []
    ]
    if notice.get("issn"):
        pairs.append(("identifier", "URN:ISSN:" + notice["issn"]))
    if url:
        pairs.append(("identifier", url))
    pairs += [("identifier", link) for link in notice.get("urls") or []]
    if notice.get("language"):
        pairs.append(("language", notice["language"]))
    for key in ("series_title", "collection"):
        if notice.get(key):
            pairs.append(("relation", notice[key]))
    pairs += [("coverage", TERRITORY_NAMES.get(t, t)) for t in notice.get("territory") or []]
    if rights:
        pairs.append(("rights", rights))
    return [(name, " ".join(str(value).split())) for name, value in pairs if str(value).strip()]


def to_oai_dc(notice, url=None, rights=None, parent=None):
    """Return an ``oai_dc:dc`` element (OAI-PMH oai_dc schema) for the notice.

    ``url`` is the notice's page on the portal (written as dc:identifier);
    ``rights`` an optional rights statement.
    """
    attributes = {f"{{{XSI_NS}}}schemaLocation": f"{OAI_DC_NS} {OAI_DC_SCHEMA}"}
    tag = f"{{{OAI_DC_NS}}}dc"
    root = (
        etree.Element(tag, attributes, nsmap=_NSMAP)
        if parent is None
        else etree.SubElement(parent, tag, attributes, nsmap=_NSMAP)
    )
    for name, value in dc_pairs(notice, url, rights):
        etree.SubElement(root, _DC + name).text = value
    return root
