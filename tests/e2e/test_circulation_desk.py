"""The desk in Chromium, driven by the keyboard only (a barcode scanner types the
code and Enter): find the borrower by card, lend three copies, renew one, return
the three. axe-core on the desk and on the borrowers page; screenshots at desktop
and phone widths under var/screenshots/. The receipt of the batch goes by e-mail
(Enter on its button) to a real SMTP server on loopback, read back."""

import base64
import io
from datetime import date
from datetime import timedelta
from pathlib import Path

import pytest
import transaction
from axe_check import run_axe
from harvesting.smtp_server import SMTPServer
from live_sites import french_site
from live_sites import make_notice
from plone import api
from pypdf import PdfReader
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.store import get_store

PASSWORD = "secret-Doc-2026"
TOOLBAR = ["#edit-zone"]
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
BARCODES = ("RT700001", "RT700002", "RT700003")


@pytest.fixture()
def smtp():
    with SMTPServer() as server:
        yield server


@pytest.fixture()
def desk_site(functional, smtp):
    portal = functional["portal"]
    french_site()
    registry = portal.portal_registry
    registry["plone.smtp_host"] = "127.0.0.1"
    registry["plone.smtp_port"] = smtp.port
    registry["plone.email_from_address"] = "documentation@ressources-territoires.example"
    api.user.create(email="doc@example.org", username="doc", password=PASSWORD, roles=("Member",))
    api.user.grant_roles(username="doc", roles=["Documentaliste"])
    with api.env.adopt_roles(["Manager"]):
        for n, barcode in enumerate(BARCODES, start=1):
            make_notice(
                portal["fonds"],
                f"livre-{n}",
                f"Savoirs de base, tome {n}",
                document_type="ouvrage",
                items=[{"barcode": barcode, "call_number": f"374 SAV {n}", "site": "toulouse"}],
            )
        store = get_store(portal, create=True)
        reader = borrowers.add_borrower(
            store,
            name="Dupont Marie",
            category="adherent",
            email="m.dupont@example.org",
            expires=date(2099, 6, 30),
        )
    transaction.commit()
    return {
        "base": f"http://{functional['host']}:{functional['port']}/plone",
        "portal": portal,
        "card": reader.id,
    }


def focused_id(driver):
    """The id of the focused element, read in one step: the page may be replaced meanwhile."""
    return driver.execute_script("return document.activeElement ? document.activeElement.id : '';")


def wait_focus(driver, element_id):
    """The new page puts the focus on its field (autofocus runs once the page is drawn)."""
    WebDriverWait(driver, 20).until(lambda d: focused_id(d) == element_id)


def type_keys(driver, text):
    """Keys typed where the focus is, as a keyboard does (WebDriver's element
    send_keys would first check that the element can take them, and fail on one
    the page is replacing); Shift held for a Shift+Tab."""
    actions = ActionChains(driver)
    if text.startswith(Keys.SHIFT):
        actions.key_down(Keys.SHIFT).send_keys(text[len(Keys.SHIFT) :]).key_up(Keys.SHIFT)
    else:
        actions.send_keys(text)
    actions.perform()


def tab_to(driver, predicate, limit=60, keys=Keys.TAB):
    for _ in range(limit):
        if predicate(driver.switch_to.active_element):
            return driver.switch_to.active_element
        type_keys(driver, keys)
    raise AssertionError("the focus never reached the element")


def page_text(driver, selector):
    """The text of an element of the current page ('' while the next one loads)."""
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]); return e ? e.innerText : '';", selector
    )


def wait_message(driver, text):
    WebDriverWait(driver, 20).until(lambda d: text in page_text(d, ".rt-desk-messages"))


def shoot(driver, name, show=None):
    """Screenshots at desktop and phone widths; `show`: a selector scrolled into view."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 390):
        driver.set_window_size(width, 1000)
        if show:
            driver.execute_script(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", show
            )
        driver.save_screenshot(str(SHOTS / f"{name}-{width}.png"))
        if width < 768:  # on a phone, each code to scan or type keeps room
            for field in driver.find_elements(By.CSS_SELECTOR, ".rt-desk-field .form-control"):
                form = field.find_element(By.XPATH, "./ancestor::form")
                assert field.size["width"] >= form.size["width"] / 2, field.get_attribute("id")
    driver.set_window_size(1280, 1000)


def test_lend_renew_return_from_the_keyboard(desk_site, browser, axe_source, smtp):
    base = desk_site["base"]
    browser.get(f"{base}/login")
    browser.find_element(By.NAME, "__ac_name").send_keys("doc")
    browser.find_element(By.NAME, "__ac_password").send_keys(PASSWORD + Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda d: "/login" not in d.current_url)

    browser.get(f"{base}/@@pret")
    wait_focus(browser, "rt-desk-lecteur")
    type_keys(browser, desk_site["card"] + Keys.ENTER)
    wait_focus(browser, "rt-desk-exemplaire")
    assert "Dupont Marie" in browser.find_element(By.CSS_SELECTOR, ".rt-desk-card").text

    for n, barcode in enumerate(BARCODES, start=1):
        type_keys(browser, barcode + Keys.ENTER)
        wait_message(browser, f"Prêté : Savoirs de base, tome {n} ({barcode})")
        wait_focus(browser, "rt-desk-exemplaire")
    rows = browser.find_elements(By.CSS_SELECTOR, ".rt-desk-loans tbody tr")
    assert len(rows) == 3
    shoot(browser, "circulation-desk")
    assert run_axe(browser, axe_source, "circulation-desk", TOOLBAR) == []

    # a copy scanned again for its reader: when it is due, and a « Prolonger »
    # button beside the message; the focus stays in the field for the next scan
    # (lent ten days ago: on the day of the loan a renewal would not move the date)
    transaction.begin()
    loan = get_store(desk_site["portal"]).loan(BARCODES[1])
    loan.start, loan.due = loan.start - timedelta(days=10), loan.due - timedelta(days=10)
    transaction.commit()
    type_keys(browser, BARCODES[1] + Keys.ENTER)
    WebDriverWait(browser, 20).until(
        lambda d: "déjà prêté à Dupont Marie" in page_text(d, ".alert-danger")
    )
    assert "prolongez-le" in page_text(browser, ".alert-danger")
    wait_focus(browser, "rt-desk-exemplaire")
    shoot(browser, "circulation-desk-renew-offer", show=".alert-danger")
    button = tab_to(
        browser,
        lambda el: el.get_attribute("id") == "rt-desk-renew-offer",
        keys=Keys.SHIFT + Keys.TAB,
    )
    assert "Prolonger" in button.text and BARCODES[1] in button.text
    type_keys(browser, Keys.ENTER)
    wait_message(browser, f"Prolongé : {BARCODES[1]}")

    # return the three at the return field
    tab_to(browser, lambda el: el.get_attribute("id") == "rt-desk-retour")
    for n, barcode in enumerate(BARCODES, start=1):
        type_keys(browser, barcode + Keys.ENTER)
        wait_message(browser, f"Rendu : Savoirs de base, tome {n} ({barcode})")
        wait_focus(browser, "rt-desk-retour")
    shoot(browser, "circulation-desk-returns")

    # the receipt of the batch by e-mail: Tab to its button, Enter
    tab_to(browser, lambda el: el.get_attribute("id") == "rt-desk-mail", keys=Keys.SHIFT + Keys.TAB)
    type_keys(browser, Keys.ENTER)
    wait_message(browser, "Reçu envoyé par courriel à m.dupont@example.org.")
    shoot(browser, "circulation-desk-receipt", show=".rt-desk-mail")
    (mail,) = smtp.messages
    assert mail["to"] == ["m.dupont@example.org"]
    body = mail["message"].get_content()
    assert body.count("rendu le") == 3 and "Vous n'avez plus aucun prêt en cours." in body

    transaction.begin()
    store = get_store(desk_site["portal"])
    assert len(store.loans) == 0
    history = list(store.history.values())
    assert len(history) == 3 and all(loan.returned for loan in history)
    assert [loan.renewals for loan in history if loan.barcode == BARCODES[1]] == [1]

    # the borrowers page: find her, open her record
    browser.get(f"{base}/@@emprunteurs")
    browser.find_element(By.ID, "rt-b-q").send_keys("dupont" + Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda d: "Dupont Marie" in page_text(d, ".rt-desk-loans"))
    browser.find_element(By.CSS_SELECTOR, ".rt-desk-loans tbody button").send_keys(Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "rt-b-name"))
    shoot(browser, "circulation-borrower")
    assert run_axe(browser, axe_source, "circulation-borrower", TOOLBAR) == []

    # the copies of a record as rows, and the overdue list
    browser.get(f"{base}/fonds/livre-1/@@exemplaires")
    assert browser.find_element(By.NAME, "barcode-0").get_attribute("value") == BARCODES[0]
    shoot(browser, "circulation-copies")
    assert run_axe(browser, axe_source, "circulation-copies", TOOLBAR) == []
    browser.get(f"{base}/@@pret-retards")
    assert "Aucun prêt en retard." in page_text(browser, "#content")
    shoot(browser, "circulation-overdue")
    assert run_axe(browser, axe_source, "circulation-overdue", TOOLBAR) == []


def test_the_receipt_prints_alone_on_one_page(desk_site, browser):
    """« Imprimer le reçu »: the print stylesheet keeps the receipt and drops
    everything else (it once hid the page with "visibility" and kept its height:
    19 A4 pages, 18 of them blank). Chromium prints the page to PDF, read back."""
    base = desk_site["base"]
    browser.get(f"{base}/login")
    browser.find_element(By.NAME, "__ac_name").send_keys("doc")
    browser.find_element(By.NAME, "__ac_password").send_keys(PASSWORD + Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda d: "/login" not in d.current_url)
    browser.get(f"{base}/@@pret")
    wait_focus(browser, "rt-desk-lecteur")
    type_keys(browser, desk_site["card"] + Keys.ENTER)
    wait_focus(browser, "rt-desk-exemplaire")
    for n, barcode in enumerate(BARCODES[:2], start=1):
        type_keys(browser, barcode + Keys.ENTER)
        wait_message(browser, f"Prêté : Savoirs de base, tome {n} ({barcode})")
        wait_focus(browser, "rt-desk-exemplaire")
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    data = base64.b64decode(pdf["data"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "circulation-desk-receipt-print.pdf").write_bytes(data)
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1, len(reader.pages)
    assert "Reçu" in text and "Dupont Marie" in text
    assert "Savoirs de base, tome 1 — à rendre le" in text and "tome 2" in text
    for elsewhere in ("Prêt et retour", "Compter une visite", "Retour", "Imprimer le reçu"):
        assert elsewhere not in text, elsewhere
    # the page itself, on screen, still shows its forms and not the receipt
    assert browser.find_element(By.ID, "rt-desk-exemplaire").is_displayed()
    assert not browser.find_element(By.CSS_SELECTOR, ".rt-desk-receipt").is_displayed()
