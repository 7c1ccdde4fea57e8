"""The manager of a network adds and removes its members, in Chromium, on a wide
screen and a phone-sized one; axe-core (WCAG 2.1 AA) on the space and on the page,
also in its error state. PNGs at 1366 and 390 pixels go to ``var/screenshots/``
(or ``$RT_SCREENSHOTS``)."""

import os
from pathlib import Path

import pytest
from axe_check import run_axe
from networks.conftest import PASSWORD
from networks.conftest import base_url
from networks.conftest import build
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
TOOLBAR = ["#edit-zone"]
RELOADING = (StaleElementReferenceException,)


@pytest.fixture()
def space_site(functional):
    build(functional["portal"])
    return base_url(functional)


def log_in(driver, base, login):
    driver.get(f"{base}/login")
    driver.find_element(By.NAME, "__ac_name").send_keys(login)
    driver.find_element(By.NAME, "__ac_password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "[name='buttons.login']").click()
    WebDriverWait(driver, 30).until(lambda d: "/login" not in d.current_url)


def shoot(driver, folder, name):
    for width in (1366, 390):
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(height + 120, 8000))
        driver.save_screenshot(str(folder / f"{name}-{width}.png"))
    driver.set_window_size(1280, 1000)


def _body(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def _send(driver, who):
    field = driver.find_element(By.ID, "rt-network-who")
    field.clear()
    field.send_keys(who)
    _click(driver, driver.find_element(By.CSS_SELECTOR, "button[name='form.add']"))


def _click(driver, element):
    """Scrolled to, then clicked (the page's own click: a toast of the previous
    message may cover it for a moment)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    driver.execute_script("arguments[0].click()", element)


def test_the_manager_invites_and_removes_a_member(space_site, browser, axe_source):
    folder = Path(os.environ.get("RT_SCREENSHOTS") or ROOT / "var" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    log_in(browser, space_site, "manon")

    browser.get(f"{space_site}/dossiers/espace-a")
    banner = browser.find_element(By.CSS_SELECTOR, ".rt-network-banner")
    assert "Réseau Alpha des coordonnateurs" in banner.text
    assert run_axe(browser, axe_source, "reseau-espace", TOOLBAR) == []
    shoot(browser, folder, "reseau-espace")
    banner = browser.find_element(By.CSS_SELECTOR, ".rt-network-banner")
    banner.find_element(By.LINK_TEXT, "Gérer les membres du réseau").click()
    WebDriverWait(browser, 30).until(lambda d: "membres-du-reseau" in d.current_url)
    assert "Alice Martin" in _body(browser)
    assert run_axe(browser, axe_source, "reseau-membres", TOOLBAR) == []
    shoot(browser, folder, "reseau-membres")

    _send(browser, "paul@example.org")
    WebDriverWait(browser, 30, ignored_exceptions=RELOADING).until(
        lambda d: "Paul Durand (paul) est maintenant membre du réseau." in _body(d)
    )
    rows = browser.find_elements(By.CSS_SELECTOR, ".rt-network-table tbody tr")
    assert [r.find_element(By.TAG_NAME, "td").text for r in rows] == [
        "Alice Martin",
        "Paul Durand",
    ]

    _send(browser, "inconnu@example.org")
    WebDriverWait(browser, 30, ignored_exceptions=RELOADING).until(
        lambda d: d.find_elements(By.ID, "rt-network-error")
    )
    error = browser.find_element(By.ID, "rt-network-error").text
    assert "Aucun compte ne correspond à « inconnu@example.org »" in error
    field = browser.find_element(By.ID, "rt-network-who")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("value") == "inconnu@example.org"
    assert len(browser.find_elements(By.CSS_SELECTOR, ".rt-network-table tbody tr")) == 2
    assert run_axe(browser, axe_source, "reseau-membres-erreur", TOOLBAR) == []
    shoot(browser, folder, "reseau-membres-erreur")

    row = [
        r
        for r in browser.find_elements(By.CSS_SELECTOR, ".rt-network-table tbody tr")
        if "Paul Durand" in r.text
    ][0]
    button = row.find_element(By.CSS_SELECTOR, "button[name='form.remove']")
    _click(browser, button)
    WebDriverWait(browser, 30, ignored_exceptions=RELOADING).until(
        lambda d: "Paul Durand (paul) n'est plus membre du réseau." in _body(d)
    )
    rows = browser.find_elements(By.CSS_SELECTOR, ".rt-network-table tbody tr")
    assert [r.find_element(By.TAG_NAME, "td").text for r in rows] == ["Alice Martin"]
    shoot(browser, folder, "reseau-membres-retrait")
