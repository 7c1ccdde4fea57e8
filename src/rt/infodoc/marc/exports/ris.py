"""RIS export of a notice dict (the tagged format Zotero, EndNote and Mendeley import)."""

from rt.infodoc.marc.exports.common import authors
from rt.infodoc.marc.exports.common import one_line
from rt.infodoc.marc.exports.common import title_with_subtitle

#: document_type token -> RIS reference type.
RIS_TYPES = {
    "ouvrage": "BOOK",
    "guide-methodologique": "BOOK",
    "rapport": "RPRT",
    "etude": "RPRT",
    "outil-pedagogique": "GEN",
    "mallette": "GEN",
    "dossier-documentaire": "GEN",
    "periodique": "JFULL",
    "article": "JOUR",
    "video": "VIDEO",
    "actes": "CONF",
    "memoire": "THES",
    "texte-officiel": "GOVDOC",
    "site-web": "ELEC",
}


def ris_type(notice):
    return RIS_TYPES.get(notice.get("document_type", ""), "GEN")


def ris_lines(notice, url=None):
    """Return the (tag, value) pairs of the RIS record, TY first and ER last."""
    lines = [("TY", ris_type(notice))]
    creators, editors, others = authors(notice)
    lines += [("AU", author["name"]) for author in creators + others]
    lines += [("ED", author["name"]) for author in editors]
    lines.append(("TI", title_with_subtitle(notice)))
    container = notice.get("series_title") or notice.get("collection")
    if container:
        lines.append(("T2", container))
    if notice.get("collection_number") and not notice.get("series_title"):
        lines.append(("VL", notice["collection_number"]))
    if notice.get("year"):
        lines.append(("PY", str(notice["year"])))
    for tag, key in (("ET", "edition"), ("PB", "publisher"), ("CY", "place")):
        if notice.get(key):
            lines.append((tag, notice[key]))
    lines += [("SN", isbn) for isbn in notice.get("isbn") or []]
    if notice.get("issn"):
        lines.append(("SN", notice["issn"]))
    lines += [
        ("KW", term) for term in (notice.get("descriptors") or []) + (notice.get("keywords") or [])
    ]
    if notice.get("summary"):
        lines.append(("AB", notice["summary"]))
    lines += [("UR", link) for link in ([url] if url else []) + list(notice.get("urls") or [])]
    if notice.get("language"):
        lines.append(("LA", notice["language"]))
    lines += [
        ("N1", paragraph)
        for paragraph in (notice.get("notes") or "").split("\n")
        if paragraph.strip()
    ]
    if notice.get("items") and notice["items"][0].get("call_number"):
        lines.append(("CN", notice["items"][0]["call_number"]))
    if notice.get("cosoter_id"):
        lines.append(("ID", notice["cosoter_id"]))
    lines.append(("ER", ""))
    return [(tag, one_line(value)) for tag, value in lines]


def to_ris(notice, url=None, newline="\r\n"):
    """Return the notice as one RIS record (text; lines "XX  - value", CRLF by default)."""
    return newline.join(f"{tag}  - {value}" for tag, value in ris_lines(notice, url)) + newline


def to_ris_many(notices, newline="\r\n"):
    """Return several notices as one RIS file (text)."""
    return newline.join(to_ris(notice, newline=newline) for notice in notices)
