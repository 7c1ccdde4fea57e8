"""The centre's identity on every page (theme/): its Diazo theme, logo and
footer, the header search box and the fund leading to /recherche, the legal
notice and the accessibility statement."""

import requests
import transaction
from live_sites import french_site
from lxml import html
from plone import api

from rt.infodoc.theme.legal import AUDIT_DATE
from rt.infodoc.theme.legal import CONFORMITY
from rt.infodoc.theme.legal import french_date


def _base(functional):
    french_site()
    transaction.commit()
    return f"http://{functional['host']}:{functional['port']}/plone"


def _page(url):
    response = requests.get(url, timeout=30)
    assert response.status_code == 200, (url, response.status_code)
    return response.text, html.fromstring(response.content)


def test_the_theme_is_the_centres(functional):
    base = _base(functional)
    assert (
        api.portal.get_registry_record("plone.app.theming.interfaces.IThemeSettings.currentTheme")
        == "rt.infodoc"
    )
    text, page = _page(base)
    assert "Powered by Plone" not in text
    assert "++theme++rt.infodoc/css/rt-infodoc.min.css" in text
    assert "++theme++barceloneta" not in text  # no Plone logo, favicon or CSS
    logo = page.xpath("//a[@id='portal-logo']")[0]
    assert "Ressources & Territoires" in logo.text_content()
    assert logo.xpath(".//img")[0].get("src").endswith("++theme++rt.infodoc/logo.svg")
    assert requests.get(f"{base}/++theme++rt.infodoc/logo.svg", timeout=30).status_code == 200
    footer = page.xpath("//footer[@id='portal-footer-wrapper']")[0]
    links = {a.text_content().strip(): a.get("href") for a in footer.xpath(".//a")}
    assert links["Mentions légales"] == f"{base}/mentions-legales"
    assert links[f"Accessibilité : {CONFORMITY}"] == f"{base}/declaration-accessibilite"
    assert links["Contact"] == f"{base}/contact-info"
    assert page.xpath("//nav[@id='portal-breadcrumbs']")[0].get("aria-label") == "Fil d'Ariane"
    assert 'aria-label="Close"' not in text


def test_the_header_search_box_leads_to_the_documentary_search(functional):
    base = _base(functional)
    _, page = _page(f"{base}/mentions-legales")
    form = page.xpath("//div[@id='portal-searchbox']//form")[0]
    assert form.get("action") == f"{base}/recherche"
    box = form.xpath(".//input[@type='search']")[0]
    assert box.get("name") == "q"
    assert box.get("data-suggest-url") == f"{base}/@@recherche-suggest"
    assert "@@search" not in html.tostring(form, encoding="unicode")


def test_the_fund_entry_leads_to_the_documentary_search(functional):
    """(The navigation entry itself is followed on the demo site, tests/demo.)"""
    base = _base(functional)
    response = requests.get(f"{base}/fonds", timeout=30, allow_redirects=False)
    assert response.status_code == 302
    assert response.headers["Location"] == f"{base}/recherche"


def test_legal_notice_and_accessibility_statement(functional):
    base = _base(functional)
    text, page = _page(f"{base}/declaration-accessibilite")
    assert page.xpath("string(//h1)").strip() == "Déclaration d'accessibilité"
    assert page.xpath("string(//*[@class='rt-conformity-level'])") == CONFORMITY
    assert page.xpath("string(//*[@class='rt-audit-date'])") == french_date(AUDIT_DATE)
    assert "RGAA" in text and "Défenseur des droits" in text
    text, page = _page(f"{base}/mentions-legales")
    assert page.xpath("string(//h1)").strip() == "Mentions légales"
    assert "Hébergement" in text and "Données personnelles" in text
    # Plone's generic page leads to the statement
    response = requests.get(f"{base}/accessibility-info", timeout=30, allow_redirects=False)
    assert response.headers["Location"] == f"{base}/declaration-accessibilite"
