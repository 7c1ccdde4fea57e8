"""The frame of the public pages (theme/frame/): each page named in its <title> and
its breadcrumb (RGAA 8.6), « Fonds documentaire » current on /recherche, a 404
page with a way on, the sharing tags of a record."""

import requests
import transaction
from live_sites import french_site
from live_sites import make_notice
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.browser import page_shell


def _site(functional):
    setRoles(functional["portal"], TEST_USER_ID, ["Manager"])
    french_site()
    transaction.commit()
    return f"http://{functional['host']}:{functional['port']}/plone"


def _get(url, status=200, **params):
    response = requests.get(url, params=params, headers={"Accept": "text/html"}, timeout=60)
    assert response.status_code == status, (url, response.status_code)
    return html.fromstring(response.content)


def _frame(page):
    """(<title>, last breadcrumb, is it marked as the current page)"""
    crumbs = page.xpath("//nav[@id='portal-breadcrumbs']//li")
    last = crumbs[-1]
    return (
        page.findtext(".//title"),
        " ".join(last.text_content().split()),
        last.get("aria-current") == "page" and not last.xpath(".//a"),
    )


def test_each_page_of_the_site_root_names_itself(functional):
    base = _site(functional)
    site = api.portal.get_registry_record("plone.site_title")
    pages = {
        "mentions-legales": ("Mentions légales", "Mentions légales"),
        "declaration-accessibilite": ("Déclaration d'accessibilité",) * 2,
        "contact-info": ("Formulaire de contact",) * 2,
        "sitemap": ("Plan du site",) * 2,
        "panier": ("Mon panier",) * 2,
        "recherche": ("Recherche documentaire", "Recherche"),
        "fonds": ("Recherche documentaire", "Recherche"),  # the fund opens on the search
    }
    for path, (title, crumb) in pages.items():
        page = _get(f"{base}/{path}")
        assert _frame(page) == (f"{title} — {site}", crumb, True), path
        canonical = "recherche" if path == "fonds" else path
        assert page.xpath("//link[@rel='canonical']/@href") == [f"{base}/{canonical}"], path
    # the login page a private space sends an anonymous reader to
    login = _get(f"{base}/require_login", came_from=f"{base}/espace-prive")
    assert _frame(login) == (f"Se connecter — {site}", "Se connecter", True)
    # ... says why: the page is reserved, and whom to ask (it was a bare form)
    (notice,) = login.xpath("//div[contains(@class, 'rt-reserved-page')]")
    assert "La page demandée est réservée" in notice.text_content()
    assert notice.xpath(".//a/@href") == [f"{base}/contact-info"]
    # the login link of the header: no such word
    assert not _get(f"{base}/login").xpath("//div[contains(@class, 'rt-reserved-page')]")


def test_the_librarians_pages_name_themselves(functional):
    base = _site(functional)
    site = api.portal.get_registry_record("plone.site_title")
    make_notice(api.portal.get()["fonds"], "livre-1", "Savoirs de base")
    transaction.commit()
    pages = {
        "@@pret": "Prêt et retour",
        "@@emprunteurs": "Emprunteurs",
        "@@pret-retards": "Prêts en retard",
        "@@relances-a-imprimer": "Relances à imprimer",
        "@@chiffres-circulation": "Chiffres de la circulation",
        "@@import-marc": "Importer des notices MARC",
        "fonds/livre-1/@@exemplaires": "Exemplaires",
    }
    for path, title in pages.items():
        response = requests.get(
            f"{base}/{path}", auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), timeout=60
        )
        assert response.status_code == 200, path
        assert _frame(html.fromstring(response.content)) == (f"{title} — {site}", title, True)


def test_each_search_is_titled_by_its_words_shell_or_not(functional):
    base = _site(functional)
    fonds = functional["portal"]["fonds"]
    fonds.reindexObject()  # a tab of the main menu (the layer's catalog lacks its metadata)
    transaction.commit()
    page_shell.forget()
    first = _get(f"{base}/recherche", q="illettrisme")
    assert _frame(first) == (
        f"Recherche : « illettrisme » — {api.portal.get_registry_record('plone.site_title')}",
        "Recherche",
        True,
    )
    # the next searches are served in the anonymous readers' shell: their own titles
    second = _get(f"{base}/recherche", q='l\'emploi & "jeunes"', page="2")
    assert [parts for _t, parts in page_shell._shells.values()][0] is not None
    title = 'Recherche : « l\'emploi & "jeunes" », page 2'
    assert second.findtext(".//title").startswith(f"{title} — ")
    assert second.xpath("//meta[@property='og:title']/@content") == [title]
    assert second.xpath("//meta[@property='og:url']/@content") == [f"{base}/recherche"]
    assert second.xpath("string(//span[@itemprop='name'])") == title
    assert "rt-shell-page-title" not in html.tostring(second, encoding="unicode")
    # « Fonds documentaire » is the menu entry of the search, and only it
    current = second.xpath("//ul[@id='portal-globalnav']/li[contains(@class, 'selected')]")
    assert [li.get("class").split()[0] for li in current] == ["fonds"]
    assert current[0].xpath("./a/@aria-current") == ["page"]
    # its canonical address is the search's, not the home page's (the menu script
    # marks the entry of the canonical address)
    assert second.xpath("//link[@rel='canonical']/@href") == [f"{base}/recherche"]
    assert not _get(f"{base}/mentions-legales").xpath(
        "//*[@id='portal-globalnav']//*[@aria-current]"
    )


def test_a_missing_page_offers_a_search_and_ways_on(functional):
    base = _site(functional)
    page = _get(f"{base}/cette-page-nexiste-pas", status=404)
    site = api.portal.get_registry_record("plone.site_title")
    assert _frame(page) == (f"Page introuvable — {site}", "Page introuvable", True)
    assert not page.xpath("//link[@rel='canonical']")
    assert not page.xpath("//meta[@property='og:url']")  # no address to share
    core = page.xpath("//*[@id='content-core']")[0]
    form = core.xpath(".//form[@role='search']")[0]
    assert form.get("action") == f"{base}/recherche"
    box = form.xpath(".//input[@name='q']")[0]
    assert form.xpath(f".//label[@for='{box.get('id')}']")
    links = {" ".join(a.text_content().split()): a.get("href") for a in core.xpath(".//a")}
    assert links["Recherche documentaire"] == f"{base}/recherche"
    assert links["Plan du site"] == f"{base}/sitemap"
    assert links["Productions et actualités du centre"] == f"{base}#rt-h-productions"
    assert links["formulaire de contact"] == f"{base}/contact-info"
    assert "Administration du site" not in core.text_content()
    # the REST API keeps its JSON errors (plone.rest)
    answer = requests.get(
        f"{base}/cette-page-nexiste-pas", headers={"Accept": "application/json"}, timeout=60
    )
    assert answer.status_code == 404 and answer.json()["type"] == "NotFound"


def test_a_record_is_shared_with_its_title_abstract_and_the_centres_logo(functional):
    base = _site(functional)
    title = "L'apprendre à apprendre à l'âge adulte"
    summary = "Une étude des compétences clés. " * 20
    make_notice(functional["portal"]["fonds"], "n11205", title, summary=summary)
    transaction.commit()
    response = requests.get(f"{base}/fonds/n11205", timeout=60)
    assert "&amp;#x27;" not in response.text and "&amp;#39;" not in response.text
    page = html.fromstring(response.content)

    def meta(name):
        return page.xpath(f"//meta[@property='{name}']/@content")

    assert meta("og:title") == [title]
    assert meta("og:url") == [f"{base}/fonds/n11205"]
    assert page.xpath("string(//span[@itemprop='name'])") == title
    [description] = meta("og:description")
    assert description.startswith("Une étude des compétences clés.") and description.endswith("…")
    assert len(description) <= 301
    assert page.xpath("string(//span[@itemprop='description'])") == description
    assert meta("og:image") == [f"{base}/++theme++rt.infodoc/logo.svg"]
    assert meta("og:image:type") == ["image/svg+xml"]
    assert "plone-logo" not in response.text
