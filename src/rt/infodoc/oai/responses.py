"""Build OAI-PMH 2.0 response documents with lxml.

Metadata arrives as serialised bytes (or elements, serialised once) and is
spliced into the envelope after serialisation, so pre-built records are never
re-parsed: each <metadata> element holds a numbered comment marker that the
final pass replaces with the record's bytes.
"""

import re

from lxml import etree

from . import datestamps

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
_NSMAP = {None: OAI_NS, "xsi": XSI_NS}
_XSI_SCHEMA_LOCATION = f"{{{XSI_NS}}}schemaLocation"
_MARKER = "oai-splice:"
_MARKER_RE = re.compile(rb"<!--oai-splice:(\d+)-->")
_DECL_RE = re.compile(rb"^\s*<\?xml[^>]*\?>\s*")


def _q(tag):
    return f"{{{OAI_NS}}}{tag}"


class Response:
    """An OAI-PMH document under construction."""

    def __init__(self, base_url, request_attrs=None, response_date=None):
        self.root = etree.Element(_q("OAI-PMH"), nsmap=_NSMAP)
        self.root.set(_XSI_SCHEMA_LOCATION, SCHEMA_LOCATION)
        date = response_date or datestamps.now()
        etree.SubElement(self.root, _q("responseDate")).text = datestamps.format(date)
        request = etree.SubElement(self.root, _q("request"))
        for name, value in (request_attrs or {}).items():
            request.set(name, value)
        request.text = base_url
        self._chunks = []

    def error(self, code, message=""):
        element = etree.SubElement(self.root, _q("error"), code=code)
        if message:
            element.text = message
        return element

    def verb(self, name):
        return etree.SubElement(self.root, _q(name))

    def header(self, parent, header):
        element = etree.SubElement(parent, _q("header"))
        if header.deleted:
            element.set("status", "deleted")
        etree.SubElement(element, _q("identifier")).text = header.identifier
        etree.SubElement(element, _q("datestamp")).text = datestamps.format(header.datestamp)
        for spec in header.sets:
            etree.SubElement(element, _q("setSpec")).text = spec
        return element

    def record(self, parent, header, metadata=None):
        """Append <record>; ``metadata`` is bytes, an element or None."""
        record = etree.SubElement(parent, _q("record"))
        self.header(record, header)
        if metadata is not None and not header.deleted:
            container = etree.SubElement(record, _q("metadata"))
            if isinstance(metadata, etree._Element):
                metadata = etree.tostring(metadata, encoding="utf-8")
            container.append(etree.Comment(f"{_MARKER}{len(self._chunks)}"))
            self._chunks.append(_DECL_RE.sub(b"", metadata, count=1))
        return record

    def resumption_token(self, parent, token, complete_list_size=None, cursor=None):
        element = etree.SubElement(parent, _q("resumptionToken"))
        if complete_list_size is not None:
            element.set("completeListSize", str(complete_list_size))
        if cursor is not None:
            element.set("cursor", str(cursor))
        element.text = token or None
        return element

    def to_bytes(self):
        data = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")
        if not self._chunks:
            return data
        chunks = self._chunks
        return _MARKER_RE.sub(lambda m: chunks[int(m.group(1))], data)


def text_element(parent, tag, text):
    element = etree.SubElement(parent, _q(tag))
    element.text = text
    return element
