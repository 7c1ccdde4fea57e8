"""HTML citation metadata Zotero and Google Scholar detect: Highwire meta tags and COinS."""

from html import escape
from urllib.parse import quote

from rt.infodoc.marc.exports.common import authors
from rt.infodoc.marc.exports.common import language_2
from rt.infodoc.marc.exports.common import title_with_subtitle


def citation_meta_tags(notice, url=None):
    """Return the (name, content) pairs of the ``<meta name="citation_*">`` tags."""
    pairs = [("citation_title", title_with_subtitle(notice))]
    creators, editors, others = authors(notice)
    pairs += [("citation_author", a["name"]) for a in creators + editors + others]
    if notice.get("year"):
        pairs.append(("citation_publication_date", str(notice["year"])))
    document_type = notice.get("document_type")
    if document_type == "article" and notice.get("series_title"):
        pairs.append(("citation_journal_title", notice["series_title"]))
    elif document_type in ("rapport", "etude") and notice.get("publisher"):
        pairs.append(("citation_technical_report_institution", notice["publisher"]))
    elif document_type == "memoire" and notice.get("publisher"):
        pairs.append(("citation_dissertation_institution", notice["publisher"]))
    elif document_type == "actes":
        pairs.append(("citation_conference_title", notice.get("title", "")))
    if notice.get("publisher"):
        pairs.append(("citation_publisher", notice["publisher"]))
    pairs += [("citation_isbn", isbn) for isbn in notice.get("isbn") or []]
    if notice.get("issn"):
        pairs.append(("citation_issn", notice["issn"]))
    if notice.get("language"):
        pairs.append(("citation_language", language_2(notice)))
    pairs += [
        ("citation_keywords", term)
        for term in (notice.get("descriptors") or []) + (notice.get("keywords") or [])
    ]
    if notice.get("summary"):
        pairs.append(("citation_abstract", notice["summary"]))
    if url:
        pairs.append(("citation_abstract_html_url", url))
    pairs += [
        ("citation_pdf_url", link)
        for link in notice.get("urls") or []
        if link.lower().split("?")[0].endswith(".pdf")
    ]
    return [(name, " ".join(str(value).split())) for name, value in pairs if str(value).strip()]


def citation_meta_html(notice, url=None):
    """Return the meta tags as HTML text, one per line, escaped."""
    return "\n".join(
        f'<meta name="{escape(name)}" content="{escape(content)}" />'
        for name, content in citation_meta_tags(notice, url)
    )


def coins_pairs(notice, url=None):
    """Return the OpenURL (Z39.88-2004 KEV) pairs of the COinS context object."""
    document_type = notice.get("document_type")
    article = document_type == "article" and notice.get("series_title")
    pairs = [("ctx_ver", "Z39.88-2004")]
    if article:
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
            ("rft.genre", "article"),
            ("rft.atitle", title_with_subtitle(notice)),
            ("rft.jtitle", notice["series_title"]),
        ]
    else:
        genre = {"rapport": "report", "etude": "report", "actes": "proceeding"}.get(
            document_type,
            "book" if document_type in ("ouvrage", "guide-methodologique", None) else "document",
        )
        pairs += [
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"),
            ("rft.genre", genre),
            ("rft.btitle", title_with_subtitle(notice)),
        ]
    creators, editors, others = authors(notice)
    for author in creators + editors + others:
        key = "rft.aucorp" if author.get("kind") == "corporate" else "rft.au"
        pairs.append((key, author["name"]))
    if notice.get("year"):
        pairs.append(("rft.date", str(notice["year"])))
    for key, target in (
        ("publisher", "rft.pub"),
        ("place", "rft.place"),
        ("edition", "rft.edition"),
        ("collection", "rft.series"),
        ("issn", "rft.issn"),
    ):
        if notice.get(key) and not (article and key in ("publisher", "place")):
            pairs.append((target, notice[key]))
    pairs += [("rft.isbn", isbn) for isbn in notice.get("isbn") or []]
    if notice.get("language"):
        pairs.append(("rft.language", notice["language"]))
    if url:
        pairs.append(("rft_id", url))
    return [(name, " ".join(str(value).split())) for name, value in pairs if str(value).strip()]


def coins_title(notice, url=None):
    """Return the KEV query string (percent-encoded UTF-8) of the COinS span."""
    return "&".join(
        f"{quote(name, safe='._')}={quote(value, safe='')}"
        for name, value in coins_pairs(notice, url)
    )


def coins_span(notice, url=None):
    """Return the COinS ``<span class="Z3988" title="...">`` element as HTML text."""
    return f'<span class="Z3988" title="{escape(coins_title(notice, url))}"></span>'
