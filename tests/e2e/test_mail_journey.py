"""The end of a reader's journey in headless Chromium at 1366 px and 390 px: a Notice
added to the basket and sent by e-mail; the message arrives at the local mail catcher
(a real aiosmtpd on loopback, as `make run` starts) and is read back. With the SMTP
server down the basket and the contact form say so in French and keep what was typed.
A page past the last one of a search says so too. axe-core (WCAG 2.1 AA) on each page;
screenshots in var/screenshots/."""

import pytest
import transaction
from live_servers import free_port
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from test_portal_entrance import WIDTHS
from test_portal_entrance import at_width
from test_portal_entrance import click
from test_portal_entrance import no_sideways_scroll
from test_portal_entrance import no_violation
from test_portal_entrance import screenshot
from test_portal_entrance import theme_built  # noqa: F401 (fixture)
from test_portal_entrance import wait

from rt.infodoc.mail.catcher import Catcher
from rt.infodoc.mail.catcher import body_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("theme_built")]


def _mailhost_on(monkeypatch, port):
    from rt.infodoc.mail.mailhost import use_catcher

    monkeypatch.setenv("RT_INFODOC_SMTP", f"127.0.0.1:{port}")
    use_catcher()
    transaction.commit()


@pytest.fixture()
def catcher(catalog_fund, tmp_path, monkeypatch):
    from rt.infodoc.browser import mail_limit

    # the anonymous senders' hourly limit (5 a client) counts in the process: the
    # earlier tests' sends from 127.0.0.1 would refuse this journey's
    mail_limit.LIMIT.reset()
    with Catcher(tmp_path / "mail", port=free_port()) as running:
        _mailhost_on(monkeypatch, running.port)
        yield running
    mail_limit.LIMIT.reset()


def _send_form(driver, address, note):
    field = driver.find_element(By.ID, "rt-mail-email")
    field.clear()
    field.send_keys(address)
    driver.find_element(By.ID, "rt-mail-note").send_keys(note)
    click(driver, driver.find_element(By.CSS_SELECTOR, "form.rt-mail-form button[type=submit]"))


@pytest.mark.parametrize("device", WIDTHS)
def test_a_notice_sent_by_mail_arrives_then_contact_and_a_page_past_the_last(
    device, catalog_fund, catcher, browser, axe_source, monkeypatch
):
    driver, base, width = browser, catalog_fund["base"], WIDTHS[device]
    at_width(driver, width)
    driver.get(f"{base}/fonds/apprendre-a-lire")
    click(driver, driver.find_element(By.CSS_SELECTOR, "button.rt-basket-toggle"))
    driver.get(f"{base}/panier")
    wait(driver).until(EC.presence_of_element_located((By.ID, "rt-mail-email")))
    assert "Apprendre à lire aux adultes" in driver.find_element(By.ID, "content").text
    no_sideways_scroll(driver, width)
    screenshot(driver, f"panier-{width}")
    no_violation(driver, axe_source, f"panier-{width}")

    _send_form(driver, "lectrice@example.org", "Pour la formation de mardi")
    wait(driver).until(EC.url_to_be(f"{base}/panier"))
    status = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".statusmessage")))
    assert "a été envoyée à lectrice@example.org" in status.text
    (message,) = catcher.messages()
    assert message["To"] == "lectrice@example.org"
    assert message["Subject"] == "Votre bibliographie (1 référence)"
    body = body_text(message)
    assert "Apprendre à lire aux adultes" in body and "Pour la formation de mardi" in body

    # the SMTP server down: a French message, the address and the note still there
    _mailhost_on(monkeypatch, free_port())  # nothing listens there
    _send_form(driver, "lectrice@example.org", "Pour la formation de mardi")
    error = wait(driver).until(EC.visibility_of_element_located((By.ID, "rt-mail-send-error")))
    assert "le serveur de messagerie ne répond pas" in error.text
    assert driver.find_element(By.ID, "rt-mail-email").get_attribute("value") == (
        "lectrice@example.org"
    )
    note = driver.find_element(By.ID, "rt-mail-note").get_attribute("value")
    assert note == "Pour la formation de mardi"
    assert len(catcher.messages()) == 1
    no_sideways_scroll(driver, width)
    screenshot(driver, f"panier-envoi-impossible-{width}")
    no_violation(driver, axe_source, f"panier-envoi-impossible-{width}")

    # the contact form, the SMTP server back
    _mailhost_on(monkeypatch, catcher.port)
    driver.get(f"{base}/contact-info")
    driver.find_element(By.ID, "form-widgets-sender_fullname").send_keys("Camille Lectrice")
    driver.find_element(By.ID, "form-widgets-sender_from_address").send_keys("camille@example.org")
    driver.find_element(By.ID, "form-widgets-subject").send_keys("Horaires")
    driver.find_element(By.ID, "form-widgets-message").send_keys("Ouverts le samedi ?")
    no_sideways_scroll(driver, width)
    screenshot(driver, f"contact-{width}")
    no_violation(driver, axe_source, f"contact-{width}")
    click(driver, driver.find_element(By.ID, "form-buttons-send"))
    wait(driver).until(lambda d: len(catcher.messages()) == 2)
    message = catcher.messages()[-1]
    assert message["Reply-To"] == "camille@example.org"
    assert "Ouverts le samedi ?" in body_text(message)

    driver.get(f"{base}/recherche?q=illettrisme&page=999")
    notice = driver.find_element(By.ID, "rt-out-of-range")
    assert notice.text.startswith("La page 999 n'existe pas")
    no_sideways_scroll(driver, width)
    screenshot(driver, f"recherche-page-inexistante-{width}")
    no_violation(driver, axe_source, f"recherche-page-inexistante-{width}")
    click(driver, notice.find_element(By.TAG_NAME, "a"))
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "h3.rt-result-title")))
