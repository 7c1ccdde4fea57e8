"""The desk's receipt by e-mail, to a real SMTP server on loopback (aiosmtpd), read
back: at the desk page (@@pret, over HTTP, the batch carried from scan to scan)
and through REST (@recu). A borrower without e-mail and an SMTP server down get
a French message; nothing is lost. The requests come from an English browser:
the receipt is the portal's French all the same, every word from the catalogue
(test_receipt.py checks each line is a message id of locales/fr)."""

from datetime import date

import pytest
import requests
import transaction
from harvesting.smtp_server import SMTPServer
from harvesting.smtp_server import free_port
from lxml import html

from circulation import sitedesk
from rt.infodoc.circulation.store import get_store
from rt.infodoc.productions.dates import long_date

DOC = ("doc", sitedesk.PASSWORD)
ENGLISH = {"Accept-Language": "en-US,en;q=0.9"}
JSON = {"Accept": "application/json", "Content-Type": "application/json", **ENGLISH}


@pytest.fixture()
def smtp():
    with SMTPServer() as server:
        yield server


@pytest.fixture()
def site(functional, smtp):
    portal = sitedesk.site(functional)
    registry = portal.portal_registry
    registry["plone.smtp_host"] = "127.0.0.1"
    registry["plone.smtp_port"] = smtp.port
    registry["plone.email_from_address"] = "infodoc@ressources-territoires.example"
    registry["plone.email_from_name"] = "Ressources & Territoires"
    sitedesk.user("doc", "documentalistes")
    titles = {
        "RT0001": "La France de l'illettrisme",
        "RT0002": "Savoirs de base : guide",
        "RT0003": "Apprendre à lire aux adultes",
    }
    for n, (barcode, title) in enumerate(titles.items(), start=1):
        sitedesk.copy(portal, sitedesk.notice(portal, f"doc-{n}", title), barcode)
    sitedesk.borrower(portal, "L1", "Martin Anne", email="anne.martin@exemple.fr")
    sitedesk.borrower(portal, "L2", "Vidal Jérôme", category="usager")  # no e-mail
    sitedesk.desk(portal).lend("RT0003", "L1")  # out before this visit
    transaction.commit()
    return {"portal": portal, "base": f"http://{functional['host']}:{functional['port']}/plone"}


class Desk:
    """The desk page as a browser drives it: each form posts the hidden fields of
    the page it came from (the reader, the batch)."""

    def __init__(self, base):
        self.url = f"{base}/@@pret"
        self.session = requests.Session()
        self.session.auth = DOC
        self.session.headers.update(ENGLISH)
        self.page = self._parse(self.session.get(self.url, timeout=30))

    def _parse(self, response):
        assert response.status_code == 200, response.text[:500]
        return html.fromstring(response.text)

    def hidden(self, name):
        values = self.page.xpath(f"//form[@class='rt-desk-mail']//input[@name='{name}']/@value")
        return values[0] if values else ""

    def post(self, action, **fields):
        token = self.page.xpath("//input[@name='_authenticator']/@value")[0]
        data = {"_authenticator": token, "action": action, "lecteur": self.hidden("lecteur")}
        data["lot"] = self.hidden("lot")
        data.update(fields)
        self.page = self._parse(self.session.post(self.url, data=data, timeout=30))
        return self

    def text(self, selector):
        return " ".join(e.text_content() for e in self.page.cssselect(selector))


def loans(site):
    transaction.begin()
    return {b: loan for b, loan in get_store(site["portal"]).loans.items()}


def test_the_desk_mails_the_receipt_of_its_batch(site, smtp):
    desk = Desk(site["base"]).post("chercher", recherche="L1")
    assert "Envoyer le reçu par courriel" in desk.text(".rt-desk-mail")
    desk.post("preter", exemplaire="RT0001").post("preter", exemplaire="RT0002")
    transaction.begin()
    sitedesk.backdate(site["portal"], "RT0001", 10)  # on the day of the loan: too soon
    transaction.commit()
    desk.post("prolonger", exemplaire="RT0001").post("rendre", retour="RT0002")
    assert "Rendu : Savoirs de base : guide (RT0002)" in desk.text(".rt-desk-messages")
    assert len(desk.hidden("lot").split()) == 2  # RT0001 (lent, renewed), RT0002

    desk.post("recu")
    assert "Reçu envoyé par courriel à anne.martin@exemple.fr." in desk.text(".rt-desk-messages")
    (mail,) = smtp.messages
    assert mail["to"] == ["anne.martin@exemple.fr"]
    message = mail["message"]
    assert message["Subject"].startswith("Votre reçu de prêt du ")
    body = message.get_content().replace("\r\n", "\n")
    out = loans(site)
    renewed, before = long_date(out["RT0001"].due), long_date(out["RT0003"].due)
    assert "Bonjour Martin Anne," in body
    assert "au site Toulouse (carte L1)" in body
    assert (
        f"Prolongés :\n- La France de l'illettrisme (code-barres RT0001), à rendre le {renewed}"
        in body
    )
    assert "Rendus :\n- Savoirs de base : guide (code-barres RT0002), rendu le " in body
    assert "Prêtés aujourd'hui" not in body  # the one lent was renewed since
    assert "Vos prêts en cours (2 documents) :" in body
    assert f"Apprendre à lire aux adultes (code-barres RT0003), à rendre le {before}" in body

    # another reader: a new batch; without an e-mail address, a French message
    desk.post("chercher", recherche="L2")
    assert desk.hidden("lot") == ""
    desk.post("recu")
    assert "Vidal Jérôme n'a pas d'adresse électronique" in desk.text(".alert-danger")
    assert len(smtp.messages) == 1


def test_smtp_down_the_desk_says_so_and_keeps_the_batch(site, smtp):
    desk = Desk(site["base"]).post("chercher", recherche="L1").post("preter", exemplaire="RT0001")
    batch = desk.hidden("lot")
    transaction.begin()
    site["portal"].portal_registry["plone.smtp_port"] = free_port()  # nobody listens
    transaction.commit()
    desk.post("recu")
    assert "Le reçu n'a pas pu partir" in desk.text(".alert-danger")
    assert desk.hidden("lot") == batch and batch
    assert "RT0001" in loans(site)  # the loan stands
    transaction.begin()
    site["portal"].portal_registry["plone.smtp_port"] = smtp.port
    transaction.commit()
    desk.post("recu")  # sent once the server is back
    assert "Reçu envoyé" in desk.text(".rt-desk-messages")
    assert "Prêtés aujourd'hui :\n- La France" in smtp.messages[0]["message"].get_content().replace(
        "\r\n", "\n"
    )


def post(site, name, body):
    return requests.post(f"{site['base']}/{name}", json=body, headers=JSON, auth=DOC, timeout=30)


def test_rest_receipt(site, smtp):
    lent = post(site, "@pret", {"barcode": "RT0001", "card": "L1"}).json()["loan"]
    other = post(site, "@pret", {"barcode": "RT0002", "card": "L2"}).json()["loan"]
    answer = post(site, "@recu", {"card": "L1", "loans": [lent["id"], other["id"]], "site": "foix"})
    assert answer.status_code == 200, answer.text
    receipt = answer.json()["receipt"]
    assert receipt["to"] == "anne.martin@exemple.fr"
    assert receipt["loans"] == [lent["id"]]  # another reader's loan is not shown
    message = smtp.messages[0]["message"]
    out = loans(site)
    due = {barcode: long_date(out[barcode].due) for barcode in out}
    today, name = long_date(date.today()), site["portal"].Title()
    assert message["Subject"] == f"Votre reçu de prêt du {today} — {name}"
    titles = {"RT0001": "La France de l'illettrisme", "RT0003": "Apprendre à lire aux adultes"}
    assert message.get_content().replace("\r\n", "\n") == "\n".join(
        [
            "Bonjour Martin Anne,",
            "",
            f"Voici le reçu de votre passage du {today} au site Foix (carte L1).",
            "",
            "Prêtés aujourd'hui :",
            f"- {titles['RT0001']} (code-barres RT0001), à rendre le {due['RT0001']}, Toulouse",
            "",
            "Vos prêts en cours (2 documents) :",
            *(
                f"- {titles[b]} (code-barres {b}), à rendre le {due[b]}, Toulouse"
                for _due, b in sorted((out[b].due, b) for b in titles)
            ),
            "",
            "Vous pouvez prolonger vos prêts depuis votre compte en ligne, "
            "ou à l'accueil de n'importe quel site.",
            "",
            f"Le service Information-Documentation, {name}",
            "",
        ]
    )

    no_mail = post(site, "@recu", {"card": "L2"})
    assert no_mail.status_code == 400
    assert no_mail.json()["error"]["codes"] == ["no_email"]
    assert "n'a pas d'adresse électronique" in no_mail.json()["error"]["message"]
    bad = post(site, "@recu", {"card": "L1", "loans": "12"})
    assert bad.status_code == 400 and "liste de numéros de prêt" in bad.json()["error"]["message"]

    transaction.begin()
    site["portal"].portal_registry["plone.smtp_port"] = free_port()
    transaction.commit()
    down = post(site, "@recu", {"card": "L1", "loans": [lent["id"]]})
    assert down.status_code == 503
    assert down.json()["error"]["codes"] == ["mail_not_sent"]
    assert "Le reçu n'a pas pu partir" in down.json()["error"]["message"]
    assert len(smtp.messages) == 1 and "RT0001" in loans(site)
    anonymous = requests.post(
        f"{site['base']}/@recu", json={"card": "L1"}, headers=JSON, timeout=30
    )
    assert anonymous.status_code == 401
