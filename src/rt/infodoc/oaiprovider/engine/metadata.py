"""Metadata formats and writers for the records a provider disseminates.

Writers return serialised bytes (one element, no XML declaration), ready for
the provider to splice into responses without re-parsing.
"""

from lxml import etree

from .repository import MetadataFormat

OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
PMB_NS = "http://www.pmbservices.fr"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

OAI_DC = MetadataFormat("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC_NS)
PMB_XML_UNIMARC = MetadataFormat("pmb_xml_unimarc", "http://www.pmbservices.fr/notice.xsd", PMB_NS)

# Dublin Core elements, in the order oai_dc.xsd lists them.
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


def oai_dc(elements):
    """Serialise a mapping of Dublin Core element -> str or list of str."""
    root = etree.Element(
        f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
    )
    root.set(
        f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    )
    for name in DC_ELEMENTS:
        values = elements.get(name)
        if values is None:
            continue
        for value in [values] if isinstance(values, (str, int)) else values:
            if value not in (None, ""):
                etree.SubElement(root, f"{{{DC_NS}}}{name}").text = str(value)
    unknown = set(elements) - set(DC_ELEMENTS)
    if unknown:
        raise ValueError(f"not Dublin Core elements: {sorted(unknown)}")
    return etree.tostring(root, encoding="utf-8")


def notice_to_dc(fields):
    """Dublin Core elements for a dict of the Notice field contract."""
    dc = {}
    if "title" in fields:
        title = fields["title"]
        if fields.get("subtitle"):
            title = f"{title} : {fields['subtitle']}"
        dc["title"] = title
    authors = fields.get("authors", [])
    dc["creator"] = [a["name"] for a in authors if a.get("name")]
    dc["subject"] = list(fields.get("descriptors", [])) + list(fields.get("keywords", []))
    if "summary" in fields:
        dc["description"] = fields["summary"]
    if "publisher" in fields:
        dc["publisher"] = fields["publisher"]
    if "year" in fields:
        dc["date"] = str(fields["year"])
    if "document_type" in fields:
        dc["type"] = fields["document_type"]
    if "collation" in fields:
        dc["format"] = fields["collation"]
    dc["identifier"] = [f"ISBN {i}" for i in fields.get("isbn", [])] + list(fields.get("urls", []))
    if "issn" in fields:
        dc["identifier"].append(f"ISSN {fields['issn']}")
    if "language" in fields:
        dc["language"] = fields["language"]
    if "series_title" in fields:
        dc["source"] = fields["series_title"]
    if "territory" in fields:
        dc["coverage"] = list(fields["territory"])
    return {k: v for k, v in dc.items() if v not in ([], "", None)}


def pmb_notice(record):
    """Serialise a pymarc UNIMARC Record in PMB's ``pmb_xml_unimarc`` shape:
    ``<notice><rs/><dt/><bl/><hl/><el/><ru/><f c="200" ind="1 "><s c="a">…``."""
    leader = str(record.leader)
    root = etree.Element(f"{{{PMB_NS}}}notice", nsmap={None: PMB_NS})
    for tag, pos in (("rs", 5), ("dt", 6), ("bl", 7), ("hl", 8), ("el", 17), ("ru", 18)):
        etree.SubElement(root, f"{{{PMB_NS}}}{tag}").text = (
            leader[pos] if len(leader) > pos else " "
        )
    for field in record.fields:
        element = etree.SubElement(root, f"{{{PMB_NS}}}f", c=field.tag)
        if field.is_control_field():
            element.text = field.data
            continue
        element.set("ind", "".join(field.indicators))
        for subfield in field.subfields:
            etree.SubElement(element, f"{{{PMB_NS}}}s", c=subfield.code).text = subfield.value
    return etree.tostring(root, encoding="utf-8")
