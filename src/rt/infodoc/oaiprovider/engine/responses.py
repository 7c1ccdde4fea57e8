"""Build OAI-PMH 2.0 response documents with lxml.

Metadata arrives as serialised bytes (or elements, serialised once) and is
spliced into the envelope after serialisation, so pre-built records are never
re-parsed: a numbered comment marker stands where the bytes go and the final
pass replaces it.

The records and headers of a list are written as bytes directly, as lxml
would serialise them, and a run of them shares one marker: a page of a
hundred records then costs a few elements instead of a thousand. A value lxml
would escape otherwise than ``&``, ``<`` and ``>`` (or refuse) takes the
element path instead.
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
# Text written as is (once &, < and > are escaped): no control character, no
# character lxml writes as a reference or refuses.
_PLAIN_RE = re.compile("[^\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]+\\Z")


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
        # (parent, its child count) after the last marker of written items
        self._run = None

    def error(self, code, message=""):
        element = etree.SubElement(self.root, _q("error"), code=code)
        if message:
            element.text = message
        return element

    def verb(self, name):
        return etree.SubElement(self.root, _q(name))

    def header(self, parent, header):
        data = _header_bytes(header)
        if data is not None:
            self._splice(parent, data)
            return None
        return self._header_element(parent, header)

    def _header_element(self, parent, header):
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
        if metadata is not None and not header.deleted:
            if isinstance(metadata, etree._Element):
                metadata = etree.tostring(metadata, encoding="utf-8")
            metadata = _DECL_RE.sub(b"", metadata, count=1)
        else:
            metadata = None
        data = _header_bytes(header)
        if data is not None:
            if metadata is None:
                self._splice(parent, b"<record>" + data + b"</record>")
            else:
                self._splice(
                    parent,
                    b"".join((b"<record>", data, b"<metadata>", metadata, b"</metadata></record>")),
                )
            return None
        record = etree.SubElement(parent, _q("record"))
        self._header_element(record, header)
        if metadata is not None:
            container = etree.SubElement(record, _q("metadata"))
            self._marker(container).append(metadata)
        return record

    def _marker(self, parent):
        """A new marker at the end of ``parent``; returns its list of bytes."""
        parent.append(etree.Comment(f"{_MARKER}{len(self._chunks)}"))
        chunk = []
        self._chunks.append(chunk)
        return chunk

    def _splice(self, parent, data):
        """Write ``data`` at the end of ``parent``, after the items already
        written there if nothing came between."""
        run = self._run
        if run is not None and run[0] is parent and run[1] == len(parent):
            self._chunks[-1].append(data)
            return
        self._marker(parent).append(data)
        self._run = (parent, len(parent))

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
        return _MARKER_RE.sub(lambda m: b"".join(chunks[int(m.group(1))]), data)


def _plain(text):
    """``text`` escaped as lxml writes it, or None when lxml would write it
    otherwise (or refuse it)."""
    if not isinstance(text, str) or not _PLAIN_RE.match(text):
        return None
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _header_bytes(header):
    """The serialised <header> of ``header``, or None when one of its values
    needs the element path."""
    identifier = _plain(header.identifier)
    if identifier is None:
        return None
    parts = [
        '<header status="deleted">' if header.deleted else "<header>",
        "<identifier>",
        identifier,
        "</identifier><datestamp>",
        datestamps.format(header.datestamp),
        "</datestamp>",
    ]
    for spec in header.sets:
        spec = _plain(spec)
        if spec is None:
            return None
        parts += ("<setSpec>", spec, "</setSpec>")
    parts.append("</header>")
    return "".join(parts).encode("utf-8")


def text_element(parent, tag, text):
    element = etree.SubElement(parent, _q(tag))
    element.text = text
    return element
