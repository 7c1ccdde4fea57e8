import html
import re
from urllib.parse import parse_qsl

from rt.infodoc.marc.exports.zotero import citation_meta_html
from rt.infodoc.marc.exports.zotero import citation_meta_tags
from rt.infodoc.marc.exports.zotero import coins_pairs
from rt.infodoc.marc.exports.zotero import coins_span


def test_citation_meta_tags(notice, portal_url):
    tags = citation_meta_tags(notice, url=portal_url)
    assert tags[0] == (
        "citation_title",
        "L'illettrisme en entreprise : repérer, accompagner, former",
    )
    assert [v for k, v in tags if k == "citation_author"] == [
        "Adami, Hervé",
        "Agence nationale de lutte contre l'illettrisme",
        "Dupré, Jeanne",
    ]
    assert ("citation_publication_date", "2015") in tags and (
        "citation_isbn",
        "978-2-85008-123-4",
    ) in tags
    assert ("citation_language", "fr") in tags and (
        "citation_publisher",
        "Chronique sociale",
    ) in tags
    assert ("citation_abstract_html_url", portal_url) in tags
    assert not [k for k, _ in tags if k == "citation_pdf_url"]


def test_report_and_article_tags():
    report = citation_meta_tags(
        {
            "title": "R",
            "document_type": "rapport",
            "publisher": "ANLCI",
            "urls": ["https://x.org/r.PDF"],
        }
    )
    assert ("citation_technical_report_institution", "ANLCI") in report
    assert ("citation_pdf_url", "https://x.org/r.PDF") in report
    article = citation_meta_tags(
        {"title": "A", "document_type": "article", "series_title": "Territoires"}
    )
    assert ("citation_journal_title", "Territoires") in article


def test_meta_html_is_escaped_and_parses_back(notice):
    text = citation_meta_html(notice)
    found = re.findall(r'<meta name="([^"]*)" content="([^"]*)" />', text)
    assert len(found) == len(text.splitlines())
    assert [(name, html.unescape(content)) for name, content in found] == citation_meta_tags(notice)
    assert "&amp;" in text and "'" not in text.replace("&#x27;", "")


def test_coins_span_is_an_escaped_openurl(notice, portal_url):
    span = coins_span(notice, url=portal_url)
    match = re.fullmatch(r'<span class="Z3988" title="([^"]*)"></span>', span)
    assert match
    query = html.unescape(match.group(1))
    assert " " not in query and "é" not in query  # percent-encoded UTF-8
    pairs = parse_qsl(query, keep_blank_values=True)
    assert pairs == coins_pairs(notice, url=portal_url)
    assert ("rft.btitle", "L'illettrisme en entreprise : repérer, accompagner, former") in pairs
    assert ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book") in pairs and ("rft.genre", "book") in pairs
    assert ("rft.au", "Adami, Hervé") in pairs
    assert ("rft.aucorp", "Agence nationale de lutte contre l'illettrisme") in pairs
    assert ("rft_id", portal_url) in pairs


def test_coins_for_an_article_uses_the_journal_format():
    pairs = coins_pairs(
        {
            "title": "Lire",
            "document_type": "article",
            "series_title": "Journal de l'alpha",
            "publisher": "Lire et Écrire",
        }
    )
    assert ("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal") in pairs
    assert ("rft.jtitle", "Journal de l'alpha") in pairs and ("rft.atitle", "Lire") in pairs
    assert not [k for k, _ in pairs if k == "rft.pub"]
