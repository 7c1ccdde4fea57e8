"""The reminders sent by e-mail to a real SMTP server on loopback (aiosmtpd), one
level after the other, read back; the letters to print for borrowers without
e-mail; the control panel refuses delays that do not grow."""

import datetime
import re

import pytest
import requests
import transaction
from harvesting.smtp_server import SMTPServer
from plone import api

from circulation import sitedesk
from rt.infodoc.circulation.reminders import job

LENT = datetime.datetime(2026, 1, 6, 10, 0)  # a Tuesday


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
    one = sitedesk.notice(portal, "illettrisme", "La France de l'illettrisme")
    two = sitedesk.notice(portal, "savoirs", "Savoirs de base : guide")
    sitedesk.copy(portal, one, "RT0001")
    sitedesk.copy(portal, two, "RT0002")
    sitedesk.borrower(portal, "L1", "Martin Anne", email="anne.martin@exemple.fr")
    sitedesk.borrower(portal, "L2", "Vidal Jérôme", category="usager")  # no e-mail
    desk = sitedesk.desk(portal, LENT)
    desk.lend("RT0001", "L1")
    desk.lend("RT0002", "L2")
    transaction.commit()
    return portal, f"http://{functional['host']}:{functional['port']}/plone"


def _due(portal):
    from rt.infodoc.circulation.store import get_store

    return get_store(portal).loan("RT0001").due


def test_three_levels_each_sent_once(site, smtp):
    portal, _base = site
    due = _due(portal)
    seen = []
    for days, level in ((7, 1), (21, 2), (45, 3)):
        today = due + datetime.timedelta(days=days)
        summary = job.run(portal, today)
        again = job.run(portal, today)  # the clock ran twice that day
        transaction.commit()
        assert summary[f"niveau_{level}"] == 2  # Anne by e-mail, Jérôme on paper
        assert (summary["courriels"], summary["a_imprimer"]) == (1, 1)
        assert again["courriels"] == 0 and again[f"niveau_{level}"] == 0
        seen.append(level)
    assert len(smtp.messages) == 3
    levels = [m["message"]["X-Relance-Niveau"] for m in smtp.messages]
    assert levels == ["1", "2", "3"]
    first = smtp.messages[0]
    assert first["to"] == ["anne.martin@exemple.fr"]
    assert first["message"]["Subject"] == "Rappel : document à rendre au centre de ressources"
    body = first["message"].get_content()
    assert "Bonjour Martin Anne," in body
    assert "La France de l'illettrisme (code-barres RT0001)" in body
    assert "(retard : 7 jours)" in body
    assert "Dernier rappel" in smtp.messages[2]["message"]["Subject"]
    assert "suspendus" in smtp.messages[2]["message"].get_content()


def test_delays_and_texts_come_from_the_registry(site, smtp):
    portal, _base = site
    portal.portal_registry["rt.infodoc.circulation.reminders.delay_1"] = 2
    portal.portal_registry["rt.infodoc.circulation.reminders.subject_1"] = "Petit rappel"
    portal.portal_registry["rt.infodoc.circulation.reminders.body_1"] = "Cher $nom :\n$documents"
    job.run(portal, _due(portal) + datetime.timedelta(days=2))
    message = smtp.messages[0]["message"]
    assert message["Subject"] == "Petit rappel"
    assert message.get_content().replace("\r\n", "\n").startswith("Cher Martin Anne :\n- La France")


def test_a_refused_mail_is_tried_again_next_run(site, smtp):
    portal, _base = site
    portal.portal_registry["plone.smtp_port"] = sitedesk_free_port()  # nobody listens
    summary = job.run(portal, _due(portal) + datetime.timedelta(days=8))
    assert summary["echecs"] == 1 and summary["courriels"] == 0
    portal.portal_registry["plone.smtp_port"] = smtp.port
    summary = job.run(portal, _due(portal) + datetime.timedelta(days=9))
    assert summary["courriels"] == 1 and len(smtp.messages) == 1


def test_the_letters_of_refused_mails_go_to_print(site, smtp):
    """The SMTP server down at the run: the page names whose e-mail did not
    leave and puts their letter with the letters to print, until a run sends it."""
    portal, base = site
    auth = ("doc", sitedesk.PASSWORD)
    portal.portal_registry["plone.smtp_port"] = sitedesk_free_port()  # nobody listens
    summary = job.run(portal, _due(portal) + datetime.timedelta(days=8))
    transaction.commit()
    assert summary["refuses"] == ["L1"]
    html = requests.get(f"{base}/@@relances-a-imprimer", auth=auth, timeout=30).text
    assert "Courriels de relance non envoyés" in html
    assert "anne.martin@exemple.fr" in html
    assert 'id="lettre-L1"' in html and 'id="lettre-L2"' in html  # hers and Jérôme's
    assert "Son courriel n'a pas pu partir" in html
    assert re.search(r"\d{1,2} \w+ 2026 à \d{1,2} h \d\d", html)  # the run, in French
    assert not re.search(r"\d{4}-\d\d-\d\d[T ]\d\d:", html)  # no ISO timestamp shown

    portal.portal_registry["plone.smtp_port"] = smtp.port
    job.run(portal, _due(portal) + datetime.timedelta(days=9))
    transaction.commit()
    html = requests.get(f"{base}/@@relances-a-imprimer", auth=auth, timeout=30).text
    assert "Courriels de relance non envoyés" not in html
    assert 'id="lettre-L1"' not in html and 'id="lettre-L2"' in html


def sitedesk_free_port():
    from live_servers import free_port

    return free_port()


def test_the_print_page_lists_the_letters_of_borrowers_without_email(site):
    portal, base = site
    auth = ("doc", sitedesk.PASSWORD)
    page = requests.get(f"{base}/@@relances-a-imprimer", auth=auth, timeout=30)
    assert page.status_code == 200
    html = page.text
    assert "Relances à imprimer" in html
    assert "Vidal Jérôme" in html and "Martin Anne" not in html  # she gets an e-mail
    assert "Savoirs de base : guide (code-barres RT0002)" in html
    assert "@media print" in html
    anonymous = requests.get(f"{base}/@@relances-a-imprimer", timeout=30, allow_redirects=False)
    assert anonymous.status_code in (302, 401) and "Vidal" not in anonymous.text


def test_the_control_panel_refuses_delays_that_do_not_grow(site):
    _portal, base = site
    session = requests.Session()
    session.auth = ("doc", sitedesk.PASSWORD)
    form = session.get(f"{base}/@@relances-controlpanel", timeout=30)
    assert form.status_code == 200 and "Relances des retards" in form.text
    import re

    token = re.search(r'name="_authenticator"[^>]*?value="([^"]+)"', form.text).group(1)
    data = {
        "_authenticator": token,
        "form.widgets.enabled:list": "selected",
        "form.widgets.delay_1": "30",
        "form.widgets.delay_2": "10",
        "form.widgets.delay_3": "45",
        "form.buttons.save": "Enregistrer",
    }
    for level in (1, 2, 3):
        data[f"form.widgets.subject_{level}"] = "Rappel"
        data[f"form.widgets.body_{level}"] = "Bonjour $nom"
    answer = session.post(f"{base}/@@relances-controlpanel", data=data, timeout=30)
    assert answer.status_code == 200
    assert "les délais de relance doivent croître" in answer.text
    transaction.begin()
    assert api.portal.get_registry_record("rt.infodoc.circulation.reminders.delay_1") == 7
