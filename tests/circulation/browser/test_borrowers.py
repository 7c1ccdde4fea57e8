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
    # the field refused is marked, its message beside it, and has the focus
    wrong = page.xpath("//form//*[@aria-invalid='true']")
    assert wrong and "is-invalid" in wrong[0].get("class")
    assert wrong[0].get("autofocus") is not None
    beside = page.xpath(f"//*[@id='{wrong[0].get('aria-describedby')}']")[0]
    assert message in beside.text_content()
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


@pytest.fixture()
def many(store):
    for n in range(220):
        site = "foix" if n % 11 == 0 else "toulouse"  # 20 at Foix
        borrowers.add_borrower(
            store, name=f"Lecteur {n:03d}", home_site=site, expires=date(2099, 1, 1)
        )
    return store


def _page(html):
    page = lxml_html.fromstring(html)
    summary = " ".join(page.xpath("//p[@id='rt-b-summary']")[0].text_content().split())
    nav = page.xpath("//nav[.//ul[contains(@class, 'pagination')]]")
    return page, summary, nav


def test_the_list_is_paged_and_says_so(portal, many):
    portal.REQUEST.form.clear()
    portal.REQUEST["REQUEST_METHOD"] = "GET"
    page, summary, nav = _page(portal.restrictedTraverse("@@emprunteurs")())
    assert summary == "Emprunteurs 1 à 50 sur 220, par ordre alphabétique."
    assert len(_names(lxml_html.tostring(page))) == 50
    assert page.xpath("//input[@id='rt-b-q']/@autofocus")  # the search field has the focus
    (nav,) = nav
    assert nav.get("aria-label") == "Pages de la liste des emprunteurs"
    assert nav.xpath(".//*[@aria-current='page']")[0].text_content().strip().endswith("1")
    (following,) = [b for b in nav.xpath(".//button") if "Page suivante" in b.text_content()]
    assert following.get("value") == "50"
    assert [b.get("value") for b in nav.xpath(".//button[@aria-label]")] == [
        "50",
        "100",
        "150",
        "200",
    ]

    # the last page, posted as its button does
    page, summary, _nav = _page(_post(portal, {"b_start": "200", "q": ""}))
    assert summary == "Emprunteurs 201 à 220 sur 220, par ordre alphabétique."
    assert _names(lxml_html.tostring(page))[-1] == "Lecteur 219"
    assert page.xpath("//p[@id='rt-b-summary']/@autofocus")
    assert not [b for b in page.xpath("//nav//button") if "Page suivante" in b.text_content()]
    # a page that does not exist: the last one
    assert _page(_post(portal, {"b_start": "9999"}))[1].startswith("Emprunteurs 201 à 220")


def test_a_search_is_paged_with_its_words_kept(portal, many):
    page, summary, (nav,) = _page(_post(portal, {"action": "chercher", "q": "lecteur 1"}))
    # every word in the card, the name (Lecteur 001, 010...) or the address
    total = sum(1 for b in many.all_borrowers() if "1" in b.name + b.id)
    assert 50 < total < 220
    assert summary == f"Emprunteurs 1 à 50 sur {total} trouvés pour « lecteur 1 »."
    assert nav.xpath(".//input[@name='q']/@value") == ["lecteur 1"]  # posted, never in a URL
    assert not nav.xpath(".//a")


def test_relay_staff_page_through_their_own_site(portal, many, app):
    from plone import api

    api.user.create(email="foix@example.org", username="agent-foix", password="secret-123456")
    api.group.add_user(groupname="relais-foix", username="agent-foix")
    login(portal, "agent-foix")
    portal.REQUEST.form.clear()
    portal.REQUEST["REQUEST_METHOD"] = "GET"
    page, summary, nav = _page(portal.restrictedTraverse("@@emprunteurs")())
    assert summary == "Emprunteurs 1 à 20 sur 20, par ordre alphabétique."
    assert not nav


def test_the_desk_says_when_a_name_finds_more_readers_than_listed(portal, many):
    request = portal.REQUEST
    request.form.clear()
    request.form.update({"action": "chercher", "recherche": "LECTEUR"})
    request["REQUEST_METHOD"] = "POST"
    request.form["_authenticator"] = portal.restrictedTraverse("@@authenticator").token()
    page = lxml_html.fromstring(portal.restrictedTraverse("@@pret")())
    (box,) = page.xpath("//div[@class='rt-desk-matches']")
    assert len(box.xpath(".//li")) == 20
    text = " ".join(box.text_content().split())
    assert (
        "Les 20 premiers sur 220 : précisez la recherche (nom et prénom, ou numéro de carte)."
        in text
    )
    assert box.xpath(".//li//button")[0].text_content().split()[:2] == ["Lecteur", "000"]
