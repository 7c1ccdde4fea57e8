"""Mail from the site to the local mail catcher (a real aiosmtpd on loopback): the
basket's bibliography and the contact form arrive as .eml files; with the SMTP
server down the reader gets a French message and keeps what was typed."""

import pytest
import requests
import transaction
from live_servers import free_port
from lxml import html

from rt.infodoc.mail.catcher import Catcher
from rt.infodoc.mail.catcher import body_text

SENDER = ("Ressources & Territoires", "documentation@ressources-territoires.com")


def _point_mailhost(monkeypatch, port):
    from rt.infodoc.mail.mailhost import use_catcher

    monkeypatch.setenv("RT_INFODOC_SMTP", f"127.0.0.1:{port}")
    use_catcher()
    transaction.commit()


@pytest.fixture()
def catcher(live_fund, tmp_path, monkeypatch):
    with Catcher(tmp_path / "mail", port=free_port()) as running:
        _point_mailhost(monkeypatch, running.port)
        yield running


@pytest.fixture()
def smtp_down(live_fund, monkeypatch):
    _point_mailhost(monkeypatch, free_port())  # nothing listens there


def _send_basket(fund):
    return requests.post(
        f"{fund['base']}/panier",
        cookies={"rt_panier": f"{fund['lire'].UID()}.{fund['dossier'].UID()}"},
        data={"basket_action": "email", "email": "lectrice@example.org", "note": "Pour mardi"},
        allow_redirects=False,
        timeout=30,
    )


def test_basket_mail_arrives_at_the_catcher(live_fund, catcher):
    response = _send_basket(live_fund)
    assert response.status_code == 302
    (message,) = catcher.messages()  # sent before the answer: no waiting
    (sender,) = message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == SENDER
    assert message["To"] == "lectrice@example.org"
    assert message["Subject"] == "Votre bibliographie (2 références)"
    body = body_text(message)
    assert "Apprendre à lire aux adultes" in body and "Pour mardi" in body


def test_basket_mail_with_the_server_down_is_a_french_message(live_fund, smtp_down):
    response = _send_basket(live_fund)
    assert response.status_code == 503
    page = html.fromstring(response.content)
    error = page.xpath("string(//*[@id='rt-mail-send-error'])")
    assert "le serveur de messagerie ne répond pas" in error and "Rien n'est perdu" in error
    assert page.xpath("//input[@id='rt-mail-email']/@value") == ["lectrice@example.org"]
    assert page.xpath("string(//textarea[@id='rt-mail-note'])") == "Pour mardi"
    assert "Traceback" not in response.text and "MailHost" not in response.text


CONTACT = {
    "form.widgets.sender_fullname": "Camille Lectrice",
    "form.widgets.sender_from_address": "camille@example.org",
    "form.widgets.subject": "Horaires du centre",
    "form.widgets.message": "Êtes-vous ouverts le samedi ?",
    "form.buttons.send": "Envoyer",
}


def test_contact_form_sends_a_real_message(live_fund, catcher):
    response = requests.post(f"{live_fund['base']}/@@contact-info", data=CONTACT, timeout=30)
    assert response.status_code == 200, response.text[:500]
    (message,) = catcher.messages()
    assert message["To"] == "documentation@ressources-territoires.com"
    assert message["Reply-To"] == "camille@example.org"
    assert "Êtes-vous ouverts le samedi ?" in body_text(message)


def test_contact_form_with_the_server_down_keeps_the_message(live_fund, smtp_down):
    response = requests.post(f"{live_fund['base']}/@@contact-info", data=CONTACT, timeout=30)
    assert response.status_code == 503
    page = html.fromstring(response.content)
    assert "le serveur de messagerie ne répond pas" in page.text_content()
    assert (
        page.xpath("string(//textarea[@name='form.widgets.message'])")
        == CONTACT["form.widgets.message"]
    )
    assert "Traceback" not in response.text
