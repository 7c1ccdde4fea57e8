"""The basket (/panier): cookie store, permission-checked rendering, exports, e-mail, page."""

import email
import socket
import time

import pytest
import requests
import transaction
from aiosmtpd.controller import Controller
from lxml import html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
LIRE = "Apprendre à lire aux adultes : guide pour les formateurs"


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def smtp(live_fund):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    # Plone's SMTPMailer reads its server from the mail control panel (registry)
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", controller.port)
    api.portal.set_registry_record("plone.email_from_address", "documentation@example.org")
    api.portal.set_registry_record("plone.email_from_name", "Ressources & Territoires")
    transaction.commit()
    yield inbox
    controller.stop()


def _add(session, base, uid):
    response = session.post(
        f"{base}/panier",
        data={"basket_action": "add", "uid": uid, "came_from": f"{base}/recherche"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302 and response.headers["Location"] == f"{base}/recherche"
    return response


def _titles(page):
    return [a.text_content().strip() for a in page.xpath("//ol[@class='rt-basket-list']//cite")]


def test_add_and_list_without_javascript(live_fund):
    base, session = live_fund["base"], requests.Session()
    _add(session, base, live_fund["lire"].UID())
    _add(session, base, live_fund["rapport"].UID())
    assert session.cookies["rt_panier"] == f"{live_fund['lire'].UID()}.{live_fund['rapport'].UID()}"
    page = html.fromstring(session.get(f"{base}/panier", timeout=30).content)
    assert _titles(page) == [LIRE, "Rapport sur les quartiers prioritaires"]
    assert page.xpath("string(//p[@class='rt-basket-summary'])").split()[:2] == ["2", "références"]
    session.post(
        f"{base}/panier",
        data={"basket_action": "remove", "uid": live_fund["rapport"].UID()},
        timeout=30,
    )
    page = html.fromstring(session.get(f"{base}/panier", timeout=30).content)
    assert _titles(page) == [LIRE]


def test_restricted_record_in_cookie_is_not_shown(live_fund):
    base = live_fund["base"]
    cookie = f"{live_fund['secret'].UID()}.{live_fund['lire'].UID()}"
    response = requests.get(f"{base}/panier", cookies={"rt_panier": cookie}, timeout=30)
    assert "confidentielle" not in response.text
    page = html.fromstring(response.content)
    assert _titles(page) == [LIRE]
    assert "ne sont plus accessibles" in page.xpath("string(//p[@class='rt-basket-hidden'])")
    ris = requests.get(
        f"{base}/@@panier-export",
        params={"format": "ris"},
        cookies={"rt_panier": cookie},
        timeout=30,
    )
    assert "confidentielle" not in ris.text and "Apprendre à lire" in ris.text
    owner = requests.get(f"{base}/panier", cookies={"rt_panier": cookie}, auth=OWNER, timeout=30)
    assert (
        "Note confidentielle sur l&#x27;illettrisme" in owner.text
        or "Note confidentielle sur l'illettrisme" in owner.text
    )


@pytest.mark.parametrize(
    "fmt,content_type,marker",
    [
        (
            "ris",
            "application/x-research-info-systems",
            b"TI  - Rapport sur les quartiers prioritaires",
        ),
        ("bibtex", "application/x-bibtex", b"@techreport{"),
        ("unimarc", "application/marc", b"Rapport sur les quartiers prioritaires"),
    ],
)
def test_export_all(live_fund, fmt, content_type, marker):
    cookie = f"{live_fund['lire'].UID()}.{live_fund['rapport'].UID()}"
    response = requests.get(
        f"{live_fund['base']}/@@panier-export",
        params={"format": fmt},
        cookies={"rt_panier": cookie},
        timeout=30,
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == content_type
    assert response.headers["Content-Disposition"].startswith('attachment; filename="panier.')
    assert marker in response.content
    if fmt == "ris":
        assert response.content.count(b"TY  - ") == 2
    if fmt == "unimarc":
        assert response.content.count(b"\x1d") == 2


def test_empty_basket_export_is_a_clear_error(live_fund):
    response = requests.get(
        f"{live_fund['base']}/@@panier-export", params={"format": "ris"}, timeout=30
    )
    assert response.status_code == 422 and "panier est vide" in response.text


def test_email_bad_address_gets_french_message(live_fund, smtp):
    cookie = live_fund["lire"].UID()
    response = requests.post(
        f"{live_fund['base']}/panier",
        cookies={"rt_panier": cookie},
        data={"basket_action": "email", "email": "pas-une-adresse"},
        timeout=30,
    )
    assert response.status_code == 400
    page = html.fromstring(response.content)
    error = page.xpath("string(//p[@id='rt-mail-email-error'])")
    assert "n'est pas valide" in error and "nom@exemple.fr" in error
    assert page.xpath("//input[@id='rt-mail-email']/@aria-invalid") == ["true"]
    assert smtp.messages == []


def test_email_sends_bibliography(live_fund, smtp):
    cookie = f"{live_fund['lire'].UID()}.{live_fund['rapport'].UID()}"
    response = requests.post(
        f"{live_fund['base']}/panier",
        cookies={"rt_panier": cookie},
        data={
            "basket_action": "email",
            "email": "lectrice@example.org",
            "note": "Pour la formation de mardi",
        },
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302
    for _ in range(50):
        if smtp.messages:
            break
        time.sleep(0.1)
    ((recipients, message),) = smtp.messages
    assert recipients == ["lectrice@example.org"]
    body = message.get_payload(decode=True).decode("utf-8")
    assert (
        "1. Martin, Sophie ; CRIA 31. Apprendre à lire aux adultes : guide pour les formateurs"
        in body
    )
    assert "2. Durand, Paul. Rapport sur les quartiers prioritaires. 1998." in body
    assert "Pour la formation de mardi" in body


def test_create_bibliography_page(live_fund):
    base = live_fund["base"]
    cookie = f"{live_fund['lire'].UID()}.{live_fund['rapport'].UID()}"
    session = requests.Session()
    session.auth = OWNER
    session.cookies.set("rt_panier", cookie)
    page = html.fromstring(session.get(f"{base}/panier", timeout=30).content)
    token = page.xpath("//input[@name='_authenticator']/@value")[0]
    folders = page.xpath("//select[@id='rt-page-folder']/option/@value")
    assert "/dossiers/illettrisme" in folders and "/fonds" not in folders
    response = session.post(
        f"{base}/panier",
        data={
            "basket_action": "create_page",
            "_authenticator": token,
            "folder": "/dossiers/illettrisme",
            "page_title": "Bibliographie illettrisme",
        },
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302
    assert response.headers["Location"] == f"{base}/dossiers/illettrisme/bibliographie-illettrisme"
    document = html.fromstring(session.get(response.headers["Location"], timeout=30).content)
    items = document.xpath("//ol[@class='rt-bibliography']/li")
    assert [li.xpath("string(.//cite)") for li in items] == [
        "Apprendre à lire aux adultes : guide pour les formateurs",
        "Rapport sur les quartiers prioritaires",
    ]


def test_anonymous_cannot_create_page(live_fund):
    cookie = live_fund["lire"].UID()
    page = requests.get(f"{live_fund['base']}/panier", cookies={"rt_panier": cookie}, timeout=30)
    assert "Créer une page bibliographie" not in page.text
    response = requests.post(
        f"{live_fund['base']}/panier",
        cookies={"rt_panier": cookie},
        data={"basket_action": "create_page", "folder": "/", "page_title": "Pirate"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code in (400, 403)
