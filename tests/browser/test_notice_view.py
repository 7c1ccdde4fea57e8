"""The Notice page: every field in French, copies, relations, exports, Zotero metadata."""

import re

import requests
from lxml import html

ACCEPT_HTML = {"Accept": "text/html"}


def _page(url, **kw):
    response = requests.get(url, headers=ACCEPT_HTML, timeout=30, **kw)
    assert response.status_code == 200, response.status_code
    return response, html.fromstring(response.content)


def test_notice_page_shows_fields_in_french(live_fund):
    url = live_fund["lire"].absolute_url()
    _response, page = _page(url)
    assert page.get("lang") == "fr"
    assert page.xpath("string(//h1)").strip() == "Apprendre à lire aux adultes"
    labels = [dt.text_content().strip() for dt in page.xpath("//dl[@class='rt-fields']/dt")]
    for label in (
        "Auteurs",
        "Éditeur",
        "Lieu d'édition",
        "Année d'édition",
        "ISBN",
        "Collection",
        "Langue du document",
        "Type de document",
        "Support",
        "Thématiques",
        "Territoire",
        "Descripteurs",
    ):
        assert label in labels, label
    text = page.text_content()
    assert "CRIA 31 (Éditeur scientifique)" in text
    assert "Guide méthodologique" in text and "Français" in text
    assert "Haute-Garonne" in text
    summary = page.xpath("//p[@class='rt-text-summary']/text()")
    assert summary == ["Un guide pour accompagner l'illettrisme.", "Deuxième paragraphe."]


def test_notice_page_copies_and_availability(live_fund):
    _response, page = _page(live_fund["lire"].absolute_url())
    rows = [
        [td.text_content().strip() for td in tr.xpath("td")]
        for tr in page.xpath("//table[contains(@class,'rt-copies')]/tbody/tr")
    ]
    assert rows[0][0].startswith("Toulouse") and rows[0][-1] == "En rayon"
    assert rows[1][0].startswith("Albi") and rows[1][-1] == "Au site relais d'Albi"


def test_notice_page_links_dossier_and_online_resource(live_fund):
    _response, page = _page(live_fund["lire"].absolute_url())
    related = page.xpath("//ul[@class='rt-related']//a")
    assert [a.text for a in related] == ["Dossier illettrisme"]
    assert page.xpath("//a[@class='rt-online']/@href") == ["https://example.org/guide.pdf"]
    # indexing terms link to a faceted search
    theme_links = page.xpath("//a[contains(@href,'f.themes=savoirs-de-base')]")
    assert theme_links and theme_links[0].text.startswith("Savoirs de base")


def test_zotero_metadata_in_head_and_coins(live_fund):
    _response, page = _page(live_fund["lire"].absolute_url())
    meta = {
        (m.get("name"), m.get("content"))
        for m in page.xpath("//head/meta[starts-with(@name,'citation_')]")
    }
    assert ("citation_title", "Apprendre à lire aux adultes : guide pour les formateurs") in meta
    assert ("citation_author", "Martin, Sophie") in meta
    assert ("citation_publication_date", "2012") in meta
    assert ("citation_isbn", "978-2-7492-1234-5") in meta
    coins = page.xpath("//span[@class='Z3988']/@title")
    assert (
        len(coins) == 1 and "rft.btitle=Apprendre" in coins[0] and "ctx_ver=Z39.88-2004" in coins[0]
    )


def test_exports_are_downloads(live_fund):
    base = live_fund["lire"].absolute_url()
    expected = {
        "export-ris": ("application/x-research-info-systems", "apprendre-a-lire.ris"),
        "export-bibtex": ("application/x-bibtex", "apprendre-a-lire.bib"),
        "export-unimarc": ("application/marc", "apprendre-a-lire.mrc"),
        # two XML formats, two names once downloaded
        "export-marcxml": ("application/marcxml+xml", "apprendre-a-lire.marcxml.xml"),
        "export-unimarcxml": ("application/xml", "apprendre-a-lire.unimarc.xml"),
    }
    bodies = {}
    for view, (content_type, filename) in expected.items():
        response = requests.get(f"{base}/@@{view}", timeout=30)
        assert response.status_code == 200, view
        assert response.headers["Content-Type"].split(";")[0] == content_type
        assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
        bodies[view] = response.content
    ris = bodies["export-ris"].decode("utf-8")
    assert ris.startswith("TY  - BOOK\r\n") and "TI  - Apprendre à lire aux adultes" in ris
    assert (
        "AU  - Martin, Sophie" in ris and "ED  - CRIA 31" in ris and ris.rstrip().endswith("ER  -")
    )
    assert "@book{" in bodies["export-bibtex"].decode("utf-8")
    iso = bodies["export-unimarc"]
    assert iso.endswith(b"\x1d") and int(iso[:5]) == len(iso)
    assert "Apprendre à lire aux adultes".encode() in iso
    assert b"http://www.loc.gov/MARC21/slim" in bodies["export-marcxml"]
    assert b"unimarc/slim" in bodies["export-unimarcxml"]


def test_restricted_notice_and_its_exports_refused_to_anonymous(live_fund):
    base = live_fund["secret"].absolute_url()
    for suffix in ("", "/@@export-ris", "/@@export-unimarc"):
        response = requests.get(base + suffix, timeout=30, allow_redirects=False)
        assert response.status_code in (302, 401, 403), suffix
        assert "confidentielle" not in response.text


def test_notice_page_has_basket_button_and_export_links(live_fund):
    _response, page = _page(live_fund["lire"].absolute_url())
    buttons = page.xpath("//button[contains(@class,'rt-basket-toggle')]")
    assert buttons and buttons[0].text_content().strip() == "Ajouter au panier"
    assert buttons[0].get("data-uid") == live_fund["lire"].UID()
    labels = page.xpath("//ul[@class='rt-exports']//a/text()")
    assert any(re.match("RIS", label) for label in labels) and "BibTeX" in labels


def test_description_values_are_plain_text(live_fund):
    _response, page = _page(live_fund["lire"].absolute_url())
    values = {
        dt.text_content().strip(): dt.getnext().text_content().strip()
        for dt in page.xpath("//section[@aria-labelledby='rt-h-description']//dt")
    }
    assert values["Éditeur"] == "Érès"
    assert values["Année d'édition"] == "2012"
    assert values["Type de document"] == "Guide méthodologique"
    assert values["Langue du document"] == "Français"
    assert " ".join(values["Auteurs"].split()) == "Martin, Sophie CRIA 31 (Éditeur scientifique)"
