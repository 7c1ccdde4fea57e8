"""Public pages speak French (#12): Plone's own labels through plone.app.locales and our
overrides in locales/fr, ours through the catalogue rt.infodoc; no English label from
the list below, no "Powered by Plone", no bytes repr nor JSON escape on a page."""

import re

import requests
from lxml import html
from zope.i18n import translate

# English labels a reader met on Plone's defaults, and the usual suspects.
ENGLISH = (
    "Powered by",
    "Related Items",
    "Related items",
    "Close",
    "Solr Settings",
    "Search",
    "Log in",
    "Skip to",
    "Home",
    "Site Map",
    "Accessibility",
    "Send",
    "Next",
    "Previous",
    "Read more",
    "Submit",
    "Cancel",
    "Required",
    "Results",
    "Sort by",
    "Subject",
    "Back to",
    "Show more",
    "Toggle",
    "Contents",
    "Loading",
    "Please",
    "You are here",
    "Up to",
    "Filter",
    "Email",
    "Your name",
)
PAGES = (
    "/",
    "/recherche",
    "/recherche?q=illettrisme",
    "/recherche?q=illettrisme&page=999",
    "/fonds/apprendre-a-lire",
    "/panier",
    "/contact-info",
    "/dossiers/illettrisme",
    "/declaration-accessibilite",
    "/mentions-legales",
)
BROWSER = {"Accept": "text/html,application/xhtml+xml", "Accept-Language": "en-US,en;q=0.9"}


def _words_shown(page):
    """Visible text and the attributes a reader or a screen reader gets."""
    for script in page.xpath("//script|//style"):
        script.drop_tree()
    yield page.text_content()
    for attribute in ("title", "aria-label", "placeholder", "alt"):
        yield from page.xpath(f"//@{attribute}")
    yield from page.xpath("//input[@type='submit' or @type='button']/@value")


def test_public_pages_are_french(live_fund):
    """One fund for every page (each page its own assertion message)."""
    found = {}
    for path in PAGES:
        response = requests.get(
            live_fund["base"] + path,
            cookies={"rt_panier": live_fund["lire"].UID()},
            headers=BROWSER,  # an English browser still gets the French portal
            timeout=60,
        )
        assert response.status_code == 200, path
        assert "b'" not in response.text and "\\u00" not in response.text, path
        page = html.fromstring(response.content)
        assert page.get("lang") == "fr", path
        shown = " ".join(_words_shown(page))
        english = [label for label in ENGLISH if re.search(rf"\b{re.escape(label)}\b", shown)]
        if english:
            found[path] = english
    assert found == {}


def test_plone_and_solr_domains_get_our_french(live_fund):
    """locales/fr/plone.po, widgets.po, solr.po fill what the packages leave empty."""
    assert translate("label_related_items", domain="plone", target_language="fr") == (
        "Contenus liés"
    )
    assert translate("Solr Settings", domain="plone", target_language="fr") == "Réglages de Solr"
    assert translate("close", domain="widgets", target_language="fr") == "fermer"
    assert translate("heading_search_facets", domain="solr", target_language="fr") == (
        "Affiner les résultats…"
    )


def test_our_messages_come_from_the_catalogue(live_fund):
    from rt.infodoc import _

    message = _(
        "${count} résultats — affichés de ${first} à ${last}",
        mapping={"count": "40", "first": "21", "last": "40"},
    )
    text = translate(message, target_language="fr")
    assert text == "40 résultats — affichés de 21 à 40"
    # a msgid unknown to the catalogue would come back as itself: this one is known
    from zope.component import getUtility
    from zope.i18n.interfaces import ITranslationDomain

    domain = getUtility(ITranslationDomain, "rt.infodoc")
    catalogue = [domain._data[name] for name in domain._catalogs["fr"]]
    assert any(c.queryMessage("Recherche avancée") == "Recherche avancée" for c in catalogue)
