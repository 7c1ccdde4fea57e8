"""@@emprunteurs: find, register and edit borrowers (browser/borrowers.py)."""

from datetime import date

import pytest
from lxml import html as lxml_html
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.store import get_store


@pytest.fixture()
def store(portal, app):
    login(app, SITE_OWNER_NAME)
    return get_store(portal, create=True)


def _post(portal, form):
    request = portal.REQUEST
    request.form.clear()
    request.form.update(form)
    request["REQUEST_METHOD"] = "POST"
    request.form["_authenticator"] = portal.restrictedTraverse("@@authenticator").token()
    return portal.restrictedTraverse("@@emprunteurs")()


EDIT = {
    "action": "enregistrer",
    "name": "Bernard Élodie",
    "kind": "personne",
    "category": "adherent",
    "home_site": "toulouse",
    "expires": "2027-06-30",
    "membership_year": "2026",
    "email": "elodie.bernard@example.org",
}


@pytest.fixture()
def elodie(store):
    return borrowers.add_borrower(
        store,
        card="L000042",
        name="Bernard Élodie",
        category="adherent",
        home_site="toulouse",
        email="elodie.bernard@example.org",
        expires=date(2027, 6, 30),
    )


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name": "  "}, "Indiquez le nom de l'emprunteur."),
        ({"expires": "2027-02-30"}, "La date d'expiration n'est pas une date (AAAA-MM-JJ)."),
        ({"expires": "demain"}, "La date d'expiration n'est pas une date (AAAA-MM-JJ)."),
        ({"membership_year": "²"}, "L'année d'adhésion doit être une année (par exemple 2026)."),
        ({"membership_year": "3000"}, "L'année d'adhésion doit être une année (par exemple 2026)."),
        (
            {"email": "pas-une-adresse"},
            "L'adresse de courriel « pas-une-adresse » n'est pas valide "
            "(par exemple : nom@domaine.fr).",
        ),
        ({"name": ["Bernard", "Élodie"], "category": "inconnue"}, "Choisissez une catégorie"),
    ],
)
def test_a_bad_edit_answers_in_french_and_writes_nothing(portal, elodie, changes, message):
    html = _post(portal, dict(EDIT, carte="L000042", **changes))
    page = lxml_html.fromstring(html)
    alert = " ".join(page.xpath("//div[@role='alert']")[0].text_content().split())
    assert message in alert
    # the form is shown again, for the same borrower, with what was typed
    assert page.xpath("//input[@type='hidden' and @name='carte']/@value")[0] == "L000042"
    assert "Bernard Élodie — L000042" in " ".join(page.xpath("//h2")[0].text_content().split())
    stored = get_store(portal).borrower("L000042")
    assert (stored.name, stored.email, stored.expires) == (
        "Bernard Élodie",
        "elodie.bernard@example.org",
        date(2027, 6, 30),
    )


def test_a_new_borrower_with_a_bad_address_is_not_registered(portal, store):
    html = _post(portal, dict(EDIT, carte="L000099", email="nom@"))
    assert "n'est pas valide" in html
    assert store.borrower("L000099") is None
    page = lxml_html.fromstring(html)
    assert page.xpath("//input[@id='rt-b-carte']/@value") == ["L000099"]  # kept as typed


def test_a_good_edit_is_saved(portal, elodie):
    html = _post(portal, dict(EDIT, carte="L000042", email="e.bernard@example.fr"))
    assert "Emprunteur enregistré : Bernard Élodie (carte L000042)." in html
    assert get_store(portal).borrower("L000042").email == "e.bernard@example.fr"


@pytest.fixture()
def readers(store):
    for card, name in (
        ("L000101", "Bernard Rachid"),
        ("L000102", "Bernard Élodie"),
        ("L000103", "Martin Hélène"),
        ("L000104", "ÉTIENNE Helene"),
        ("L000105", "Arnaud Zoé"),
    ):
        borrowers.add_borrower(store, card=card, name=name, expires=date(2099, 1, 1))
    return store


def _names(html):
    page = lxml_html.fromstring(html)
    return [" ".join(b.text_content().split()) for b in page.xpath("//tbody//button")]


def test_the_list_is_in_french_order(portal, readers):
    portal.REQUEST.form.clear()
    portal.REQUEST["REQUEST_METHOD"] = "GET"
    assert _names(portal.restrictedTraverse("@@emprunteurs")()) == [
        "Arnaud Zoé",
        "Bernard Élodie",
        "Bernard Rachid",
        "ÉTIENNE Helene",
        "Martin Hélène",
    ]


def test_the_search_folds_accents_and_case(portal, readers):
    found = _names(_post(portal, {"action": "chercher", "q": "helene"}))
    assert found == ["ÉTIENNE Helene", "Martin Hélène"]
    assert _names(_post(portal, {"action": "chercher", "q": "elodie bernard"})) == [
        "Bernard Élodie"
    ]


def test_the_desk_finds_a_reader_by_a_name_without_accents(portal, readers):
    request = portal.REQUEST
    request.form.clear()
    request.form.update({"action": "chercher", "recherche": "elodie BERNARD"})
    request["REQUEST_METHOD"] = "POST"
    request.form["_authenticator"] = portal.restrictedTraverse("@@authenticator").token()
    html = portal.restrictedTraverse("@@pret")()
    page = lxml_html.fromstring(html)
    assert page.xpath("//input[@name='lecteur']/@value")[0] == "L000102"  # the one found
    request.form.update({"recherche": "helene"})
    page = lxml_html.fromstring(portal.restrictedTraverse("@@pret")())
    matches = " ".join(page.xpath("//div[@class='rt-desk-matches']")[0].text_content().split())
    assert "ÉTIENNE Helene" in matches and "Martin Hélène" in matches
