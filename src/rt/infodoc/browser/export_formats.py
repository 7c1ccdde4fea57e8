"""Download formats of notices: RIS, BibTeX, UNIMARC (ISO 2709 and XML), MARCXML.

Pure functions over contract dicts (see notice_data.notice_dict) and each notice's
outgoing records (marc.outgoing.Outgoing, the same ones the OAI-PMH provider
serves); the views of exports.py (one notice) and basket_view.py (the basket) only
add HTTP headers.
"""

from dataclasses import dataclass

from lxml import etree

from rt.infodoc.marc.exports.bibtex import to_bibtex
from rt.infodoc.marc.exports.ris import to_ris
from rt.infodoc.marc.writers import marcxml_collection
from rt.infodoc.marc.writers import to_iso2709
from rt.infodoc.marc.writers import to_marcxml
from rt.infodoc.marc.writers import to_unimarc_slim
from rt.infodoc.marc.writers import unimarc_slim_collection


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    extension: str
    content_type: str


FORMATS = {
    f.name: f
    for f in (
        ExportFormat(
            "ris",
            "RIS (Zotero, EndNote, Mendeley)",
            "ris",
            "application/x-research-info-systems; charset=utf-8",
        ),
        ExportFormat("bibtex", "BibTeX", "bib", "application/x-bibtex; charset=utf-8"),
        ExportFormat("unimarc", "UNIMARC (ISO 2709)", "mrc", "application/marc"),
        # both XML: the name tells them apart once downloaded
        ExportFormat("marcxml", "MARCXML", "marcxml.xml", "application/marcxml+xml; charset=utf-8"),
        ExportFormat("unimarcxml", "UNIMARC XML", "unimarc.xml", "application/xml; charset=utf-8"),
    )
}


def _xml(element):
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def render(format_name, entries):
    """Bytes of the export of `entries`: a list of (notice dict, url, Outgoing).

    One entry gives one record (a MARCXML ``record``, a UNIMARC slim ``rec``);
    several give a collection. Raises KeyError for an unknown format and
    NoticeError (French message) for a notice that cannot be written.
    """
    fmt = FORMATS[format_name]
    single = len(entries) == 1
    if fmt.name == "ris":
        return "\r\n".join(to_ris(n, url=u) for n, u, _i in entries).encode("utf-8")
    if fmt.name == "bibtex":
        return "\n".join(to_bibtex(n, url=u) for n, u, _i in entries).encode("utf-8")
    if fmt.name == "marcxml":
        records = [o.marc21() for _n, _u, o in entries]
        return _xml(to_marcxml(records[0]) if single else marcxml_collection(records))
    records = [o.unimarc() for _n, _u, o in entries]
    if fmt.name == "unimarc":
        return b"".join(to_iso2709(r) for r in records)
    return _xml(to_unimarc_slim(records[0]) if single else unimarc_slim_collection(records))


def filename(format_name, stem):
    return f"{stem}.{FORMATS[format_name].extension}"
