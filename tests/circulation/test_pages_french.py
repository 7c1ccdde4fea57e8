"""The staff's circulation pages in French for an English browser (#13): the desk
(@@pret), the copies of a record, the figures (@@chiffres-circulation) and the
letters to print (@@relances-a-imprimer) show the French of the catalogue
rt.infodoc, never a sentence built outside it: every text checked here is also a
message id of locales/fr, and no ``${name}`` is left unfilled."""

import datetime
import re
from pathlib import Path

import pytest
import requests
import transaction
from lxml import html

from circulation import sitedesk
from rt.infodoc.circulation.reminders.texts import french_date
from rt.infodoc.circulation.store import get_store

PO = Path(__file__).resolve().parents[2] / "src/rt/infodoc/locales/fr/LC_MESSAGES/rt.infodoc.po"
ENGLISH = {"Accept": "text/html", "Accept-Language": "en-US,en;q=0.9"}
DOC = ("doc", sitedesk.PASSWORD)


def catalogue():
    """The msgids of the French catalogue (a long one spans several lines)."""
    text = PO.read_text(encoding="utf-8")
    blocks = re.findall(r'^msgid ((?:"(?:[^"\\]|\\.)*"\n)+)', text, re.M)
    return {"".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block)) for block in blocks}


@pytest.fixture()
def site(functional):
    portal = sitedesk.site(functional)
    sitedesk.user("doc", "documentalistes")
    guide = sitedesk.notice(portal, "guide", "Savoirs de base : guide")
    sitedesk.copy(portal, guide, "RT0002")
    sitedesk.borrower(portal, "L1", "Ariège Alpha", category="relais", kind="structure")
    sitedesk.user("lecteur")
    sitedesk.borrower(
        portal, "L2", "Vidal Jérôme", category="usager", member_id="lecteur"
    )  # no e-mail
    lent = datetime.datetime.now().replace(microsecond=0) - datetime.timedelta(days=90)
    desk = sitedesk.desk(portal, lent)
    desk.lend("RT0002", "L2", site="toulouse")
    desk.reserve(guide.UID(), "L1")  # every copy out: L1 waits
    transaction.commit()
    base = f"http://{functional['host']}:{functional['port']}/plone"
    due = get_store(portal).loan("RT0002").due
    return {"base": base, "guide": guide.absolute_url(), "year": lent.year, "due": due}


def _page(response):
    assert response.status_code == 200, response.text[:300]
    assert "${" not in response.text
    page = html.fromstring(response.content)
    assert page.get("lang") == "fr"
    for node in page.xpath("//script|//style"):
        node.drop_tree()
    return page, " ".join(page.text_content().split())


def test_the_desk_answers_in_french(site):
    session = requests.Session()
    session.auth = DOC
    session.headers.update(ENGLISH)
    url = f"{site['base']}/@@pret"
    page, _text = _page(session.get(url, timeout=30))
    token = page.xpath("//input[@name='_authenticator']/@value")[0]

    def post(**data):
        return _page(session.post(url, data={"_authenticator": token, **data}, timeout=30))[1]

    text = post(action="chercher", recherche="Personne Inconnue")
    assert "Aucun emprunteur ne correspond à « Personne Inconnue »." in text
    text = post(action="chercher", recherche="L1")
    assert "Structure, Relais, site Toulouse." in text  # the reader's kind, as a sentence
    assert "Inscription valable jusqu'au 31/12/2030." in text
    assert "En attente" in text  # the reservation's state
    known = catalogue()
    for msgid in (
        "Aucun emprunteur ne correspond à « ${code} ».",
        "Structure",
        "${kind}, ${category}, site ${site}.",
        "Inscription valable jusqu'au ${date}.",
        "En attente",
    ):
        assert msgid in known, msgid


def test_the_copies_statuses_in_french(site):
    _page_, text = _page(
        requests.get(f"{site['guide']}/@@exemplaires", auth=DOC, headers=ENGLISH, timeout=30)
    )
    assert "Exemplaires de « Savoirs de base : guide »" in text
    assert "En prêt" in text  # RT0002, lent
    assert "Consultation sur place" in text and "Exclu du prêt" in text  # the choices
    assert {"En prêt", "Consultation sur place", "Exclu du prêt"} <= catalogue()


def test_the_figures_in_french(site):
    year = site["year"]
    page, text = _page(
        requests.get(
            f"{site['base']}/@@chiffres-circulation?annee={year}",
            auth=DOC,
            headers=ENGLISH,
            timeout=30,
        )
    )
    assert f"Mois par mois en {year}" in text
    assert f"Prêts par site en {year}" in text
    assert "Premiers accueils" in text and "Catégorie d'emprunteur" in text
    assert page.xpath("//th[@scope='row' and text()='janvier']")
    assert "Évolution annuelle" in text and "Total" in text
    assert (
        "Graphique : Évolution annuelle. Les chiffres sont dans le tableau qui suit."
        in page.xpath("//img/@alt")
    )
    notice = _page(
        requests.get(
            f"{site['base']}/@@chiffres-circulation?annee=1900",
            auth=DOC,
            headers=ENGLISH,
            timeout=30,
        )
    )[1]
    assert f"Aucun chiffre pour l'année « 1900 » : voici {year}." in notice
    assert {
        "Mois par mois en ${year}",
        "${activity} ${dimension} en ${year}",
        "par site",
        "Prêts",
        "Premiers accueils",
        "Catégorie d'emprunteur",
        "janvier",
        "Évolution annuelle",
        "Aucun chiffre pour l'année « ${asked} » : voici ${year}.",
        "Graphique : ${title}. Les chiffres sont dans le tableau qui suit.",
    } <= catalogue()
    exported = requests.get(
        f"{site['base']}/@@chiffres-circulation.csv", auth=DOC, headers=ENGLISH, timeout=30
    )
    assert exported.content.decode("utf-8-sig").startswith("Année;Mois;Activité;Axe;Valeur;Nombre")


def test_the_letters_to_print_in_french(site):
    _page_, text = _page(
        requests.get(f"{site['base']}/@@relances-a-imprimer", auth=DOC, headers=ENGLISH, timeout=30)
    )
    assert "Vidal Jérôme" in text and "3e relance" in text
    assert f"Toulouse, le {french_date(datetime.date.today())}" in text
    assert re.search(
        r"- Savoirs de base : guide \(code-barres RT0002\), à rendre le \S+ \S+ \d{4} "
        r"\(retard : \d+ jours\)",
        text,
    )
    assert {
        "3e relance",
        "Toulouse, le ${date}",
        "- ${title} (code-barres ${barcode}), à rendre le ${date} (retard : ${late})",
        "${count} jours",
    } <= catalogue()


def test_a_reader_sees_the_due_date_in_french(site):
    """The Notice page's viewlet and Mon compte: the date's words from the catalogue."""
    reader = ("lecteur", sitedesk.PASSWORD)
    due = french_date(site["due"])
    _page_, notice = _page(requests.get(site["guide"], auth=reader, headers=ENGLISH, timeout=30))
    assert f"Vous l'avez emprunté : à rendre le {due}." in notice
    _page_, account = _page(
        requests.get(f"{site['base']}/@@mon-compte", auth=reader, headers=ENGLISH, timeout=30)
    )
    assert due in account and "(en retard)" in account
    month = due.split(" ")[1]
    assert {"Vous l'avez emprunté : à rendre le ${date}.", month, "Prolonger"} <= catalogue()
