"""The figures page (documentaliste) and Mon compte (a reader with a card) in
Chromium at 1366 and 390 pixels wide: axe-core finds no serious violation, and
full-page screenshots go to ``$RT_SCREENSHOTS`` (default var/screenshots/)."""

import datetime
import os
from pathlib import Path

import pytest
import transaction
from axe_check import run_axe
from circulation import sitedesk
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
TOOLBAR = ["#edit-zone"]


@pytest.fixture()
def circulation_site(functional):
    portal = sitedesk.site(functional)
    sitedesk.user("doc", "documentalistes")
    sitedesk.user("lecteur")
    titles = ("La France de l'illettrisme", "Guide des savoirs de base", "Villes à vivre")
    notices = [sitedesk.notice(portal, f"n{i}", title) for i, title in enumerate(titles)]
    for i, notice in enumerate(notices):
        sitedesk.copy(portal, notice, f"RT000{i}", site=("toulouse", "foix", "albi")[i])
    sitedesk.borrower(portal, "L1", "Martin Anne", member_id="lecteur")
    sitedesk.borrower(portal, "L2", "Ariège Alpha", category="relais", kind="structure")
    now = datetime.datetime.now().replace(microsecond=0)
    desk = sitedesk.desk(portal, now - datetime.timedelta(days=40))
    desk.lend("RT0000", "L1")  # late
    desk.lend("RT0002", "L2")
    desk.record_visit(card="L1", first=True)
    desk.clock.when = now - datetime.timedelta(days=2)
    desk.lend("RT0001", "L2")
    desk.record_visit(card="L2")
    desk.give_back("RT0002")
    desk.reserve(notices[1].UID(), "L1", pickup_site="foix")
    transaction.commit()
    return f"http://localhost:{functional['port']}/plone"


def _log_in(driver, base, user):
    driver.get(f"{base}/login")
    driver.find_element(By.NAME, "__ac_name").send_keys(user)
    driver.find_element(By.NAME, "__ac_password").send_keys(sitedesk.PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "[name='buttons.login']").click()
    WebDriverWait(driver, 30).until(lambda d: "/login" not in d.current_url)


def _check(driver, axe_source, name):
    folder = Path(os.environ.get("RT_SCREENSHOTS") or REPO / "var" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for width in (1366, 390):
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(height + 120, 8000))
        driver.save_screenshot(str(folder / f"{name}-{width}.png"))
        assert run_axe(driver, axe_source, f"{name}-{width}-axe", TOOLBAR) == [], width
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 1, f"{name} at {width} px scrolls sideways by {overflow} px"


def test_the_figures_page_in_chromium(circulation_site, browser, axe_source):
    _log_in(browser, circulation_site, "doc")
    browser.get(f"{circulation_site}/@@chiffres-circulation")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Chiffres de la circulation"
    images = browser.find_elements(By.CSS_SELECTOR, ".rt-figures-pair img")
    assert len(images) == 6
    assert all(
        browser.execute_script("return arguments[0].naturalWidth", img) > 0 for img in images
    )
    _check(browser, axe_source, "chiffres-circulation")


def test_mon_compte_in_chromium(circulation_site, browser, axe_source):
    _log_in(browser, circulation_site, "lecteur")
    browser.get(f"{circulation_site}/@@mon-compte")
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "La France de l'illettrisme" in text and "(en retard)" in text
    assert "Guide des savoirs de base" in text and "Foix" in text
    _check(browser, axe_source, "mon-compte")
    browser.get(f"{circulation_site}/n2")
    assert "Emprunter ce document" in browser.find_element(By.TAG_NAME, "main").text
    _check(browser, axe_source, "notice-reserver")
