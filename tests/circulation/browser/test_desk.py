"""The desk page (@@pret) in a Plone site: what a form sends is checked by the
same desk as REST, and the page says it in French."""

from datetime import date

import lxml.html
import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.store import get_store


@pytest.fixture()
def desk_site(portal, app):
    login(app, SITE_OWNER_NAME)
    notice = api.content.create(
        container=portal["fonds"],
        type="Notice",
        id="savoirs",
        title="Savoirs de base",
        document_type="ouvrage",
        items=[{"barcode": "RT910001", "call_number": "374 SAV"}],
    )
    store = get_store(portal)
    reader = borrowers.add_borrower(store, name="Dupont Marie", expires=date(2099, 1, 1))
    return {"portal": portal, "notice": notice, "store": store, "card": reader.id}


def post(portal, form, cookies=None):
    request = portal.REQUEST
    request.form.clear()
    request.form.update(form)
    request.cookies.clear()
    request.cookies.update(cookies or {})
    request["REQUEST_METHOD"] = "POST"
    request.form["_authenticator"] = portal.restrictedTraverse("@@authenticator").token()
    return portal.restrictedTraverse("@@pret")()


def test_a_site_the_desk_does_not_know_is_refused(desk_site):
    portal, store, card = desk_site["portal"], desk_site["store"], desk_site["card"]
    lend = {"action": "preter", "lecteur": card, "exemplaire": "RT910001"}
    html = post(portal, dict(lend, site="paris"))
    assert "Site inconnu : « paris »." in html
    assert store.loan("RT910001") is None
    html = post(portal, lend, cookies={"rt_desk_site": "lune"})
    assert "Site inconnu : « lune »." in html and store.loan("RT910001") is None
    html = post(portal, {"action": "site", "site": "lune"})
    assert "Site inconnu : « lune »." in html
    assert "rt_desk_site" not in portal.REQUEST.response.cookies
    html = post(portal, {"action": "visite", "site": "lune"})
    assert "Site inconnu : « lune »." in html and len(store.visits) == 0
    html = post(portal, dict(lend, site="albi"))
    assert "Prêté : Savoirs de base (RT910001)" in html
    assert store.loan("RT910001").site == "albi"


def test_a_copy_scanned_again_for_its_reader_offers_a_renewal(desk_site):
    portal, store, card = desk_site["portal"], desk_site["store"], desk_site["card"]
    lend = {"action": "preter", "lecteur": card, "exemplaire": "RT910001"}
    post(portal, lend)
    due = store.loan("RT910001").due
    html = post(portal, lend)
    assert (
        f"L'exemplaire RT910001 est déjà prêté à Dupont Marie, à rendre le {due:%d/%m/%Y} : "
        "pour le garder plus longtemps, prolongez-le."
    ) in html
    assert "rendez-le avant de le prêter" not in html and "maximum" not in html
    page = lxml.html.fromstring(html)
    (offer,) = page.cssselect(".alert-danger form.rt-desk-renew-offer")
    fields = {i.get("name"): i.get("value") for i in offer.cssselect("input")}
    assert fields["action"] == "prolonger" and fields["exemplaire"] == "RT910001"
    assert fields["lecteur"] == card
    assert " ".join(offer.cssselect("button")[0].text_content().split()) == "Prolonger RT910001"


def test_a_late_return_counts_its_days_in_french(desk_site):
    from datetime import timedelta

    from rt.infodoc.circulation.settings import desk_for

    portal, store, card = desk_site["portal"], desk_site["store"], desk_site["card"]
    for days, said in ((1, "En retard d'un jour."), (3, "En retard de 3 jours.")):
        desk_for(portal).lend("RT910001", card)
        store.loan("RT910001").due = date.today() - timedelta(days=days)
        html = post(portal, {"action": "rendre", "retour": "RT910001"})
        assert "Rendu : Savoirs de base (RT910001)." in html and said in html
        assert "jour(s)" not in html


def test_the_copies_in_transit_are_a_table_folded_away(desk_site):
    """Lent at Albi, returned at Foix: it travels home to Toulouse. The desk at
    Toulouse lists it in a folded table (a centre with hundreds on the way once
    got a page 11,000 px tall), the longest on the way first."""
    portal, store, card = desk_site["portal"], desk_site["store"], desk_site["card"]
    api.content.create(
        container=portal["fonds"],
        type="Notice",
        id="guide",
        title="Guide du bénévole",
        document_type="ouvrage",
        items=[{"barcode": "RT910002", "call_number": "361 GUI"}],
    )
    for barcode in ("RT910002", "RT910001"):
        post(portal, {"action": "preter", "lecteur": card, "exemplaire": barcode, "site": "albi"})
        post(portal, {"action": "rendre", "retour": barcode, "site": "foix"})
    assert len(store.transfers_in("en-transit", "toulouse")) == 2
    html = post(portal, {"action": "site", "site": "toulouse"})
    page = lxml.html.fromstring(html)
    (folded,) = page.xpath("//details[contains(@class, 'rt-desk-transit')]")
    assert folded.get("open") is None
    assert " ".join(folded.xpath("string(summary)").split()) == "En transit (2)"
    rows = [
        [" ".join(td.text_content().split()) for td in tr] for tr in folded.xpath(".//tbody/tr")
    ]
    assert [row[:4] for row in rows] == [
        ["RT910002", "Guide du bénévole", "Foix", "Toulouse"],
        ["RT910001", "Savoirs de base", "Foix", "Toulouse"],
    ]


def test_namesakes_are_told_apart_and_an_override_names_its_document(desk_site):
    """Three « Benali Hélène » listed by card only could not be told apart; the
    box to pass a rule said which rule, not for which document."""
    portal, store = desk_site["portal"], desk_site["store"]
    for site, category in (("montauban", "usager"), ("auch", "adherent")):
        borrowers.add_borrower(
            store,
            name="Benali Hélène",
            category=category,
            home_site=site,
            expires=date(2027, 12, 31),
        )
    page = lxml.html.fromstring(post(portal, {"action": "chercher", "recherche": "benali"}))
    details = [
        " ".join(s.text_content().split())
        for s in page.xpath("//*[@class='rt-desk-match-details']")
    ]
    assert sorted(details) == [
        "Adhérent · Auch · jusqu'au 31/12/2027",
        "Usager · Montauban · jusqu'au 31/12/2027",
    ]

    expired = borrowers.add_borrower(store, name="Martin Paul", expires=date(2020, 1, 1))
    html = post(portal, {"action": "preter", "lecteur": expired.id, "exemplaire": "RT910001"})
    (box,) = lxml.html.fromstring(html).xpath("//section[contains(@class, 'rt-desk-override')]")
    assert " ".join(box.xpath("string(.//p[@class='rt-desk-override-doc'])").split()) == (
        "Savoirs de base (RT910001)"
    )
    assert store.loan("RT910001") is None
