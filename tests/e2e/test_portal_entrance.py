"""A reader's way in, in headless Chromium at 1366 px (desktop) and 390 px (phone):
the home page, a search typed there with its suggestions, the facets ("Filtrer"
on a phone, above the results), one picked, a Notice opened; axe-core (WCAG 2.1
AA) on the home page, the results, the Notice and the accessibility statement.
Screenshots of the home and search pages go to var/screenshots/ for reviewers."""

import json
import subprocess
from pathlib import Path

import pytest
from axe_check import run_axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "var" / "screenshots"
WIDTHS = {"bureau": 1366, "telephone": 390}


@pytest.fixture(scope="session")
def theme_built():
    """The theme's CSS, as `make install` builds it (scripts/build-theme)."""
    subprocess.run([str(REPO / "scripts" / "build-theme")], check=True, timeout=600)


def wait(driver, seconds=15):
    return WebDriverWait(driver, seconds)


def at_width(driver, width, height=844):
    driver.set_window_size(width, height)
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:  # the window's frame: make the page itself that wide
        driver.set_window_size(2 * width - inner, height)


def screenshot(driver, name):
    """A full-page PNG (the window grown to the page's height for the shot)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = driver.get_window_size()
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(size["width"], min(height + 100, 8000))
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    driver.set_window_size(size["width"], size["height"])


def no_violation(driver, axe_source, name):
    violations = run_axe(driver, axe_source, name)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def no_sideways_scroll(driver, width):
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= width, f"the page is {scroll} px wide on a {width} px screen"


def click(driver, element):
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


@pytest.mark.parametrize("device", WIDTHS)
def test_a_reader_finds_a_notice_from_the_home_page(
    device, catalog_fund, browser, axe_source, theme_built
):
    driver, base, width = browser, catalog_fund["base"], WIDTHS[device]
    at_width(driver, width)

    # the home page: the search box is visible at once, without scrolling
    driver.get(base)
    box = driver.find_element(By.ID, "rt-q")
    rect = driver.execute_script("return arguments[0].getBoundingClientRect().bottom", box)
    assert rect <= driver.execute_script("return window.innerHeight"), rect
    assert driver.find_element(By.CSS_SELECTOR, "a#portal-logo").text.startswith(
        "Ressources & Territoires"
    )
    no_sideways_scroll(driver, width)
    screenshot(driver, f"accueil-{width}")
    no_violation(driver, axe_source, f"accueil-{width}")

    # a search typed there, with the same suggestions as /recherche
    box.send_keys("Illettr")
    listbox = wait(driver).until(EC.visibility_of_element_located((By.ID, "rt-q-suggestions")))
    wait(driver).until(lambda d: listbox.find_elements(By.CSS_SELECTOR, "[role=option]"))
    box.send_keys(Keys.ESCAPE)
    box.send_keys(Keys.END, "isme")
    box.send_keys(Keys.ENTER)
    wait(driver).until(EC.presence_of_element_located((By.ID, "rt-count")))
    assert driver.current_url.startswith(f"{base}/recherche?q=")
    first_result = driver.find_element(By.CSS_SELECTOR, "h3.rt-result-title")
    facets = driver.find_element(By.ID, "rt-facets")
    toggle = driver.find_element(By.CSS_SELECTOR, "button.rt-filter-toggle")
    no_sideways_scroll(driver, width)
    screenshot(driver, f"recherche-{width}")
    no_violation(driver, axe_source, f"recherche-{width}")

    # the facets: behind "Filtrer" and above the results on a phone, beside them on a desktop
    if width < 900:
        assert toggle.is_displayed() and toggle.text.startswith("Filtrer")
        assert not facets.is_displayed()
        assert toggle.get_attribute("aria-expanded") == "false"
        click(driver, toggle)
        assert facets.is_displayed()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert facets.rect["y"] < first_result.rect["y"]
        no_violation(driver, axe_source, f"recherche-filtres-{width}")
    else:
        assert not toggle.is_displayed()
        assert facets.is_displayed()
        assert facets.rect["x"] < first_result.rect["x"]
    link = next(
        a
        for a in driver.find_elements(
            By.CSS_SELECTOR, "section[aria-labelledby='rt-facet-themes'] a.rt-facet-link"
        )
        if a.text.startswith("Savoirs de base")
    )
    click(driver, link)
    wait(driver).until(EC.staleness_of(link))
    assert "f.themes=savoirs-de-base" in driver.current_url
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "h3.rt-result-title a")]
    assert "Apprendre à lire aux adultes" in titles
    assert "Rapport régional sur l'illettrisme" not in titles

    # a Notice, with its copies table, readable without sideways scrolling
    notice = next(
        a
        for a in driver.find_elements(By.CSS_SELECTOR, "h3.rt-result-title a")
        if a.text == "Apprendre à lire aux adultes"
    )
    click(driver, notice)
    wait(driver).until(EC.title_contains("Apprendre à lire"))
    no_sideways_scroll(driver, width)
    if width < 900:
        cells = driver.find_elements(By.CSS_SELECTOR, "#content table td[data-label]")
        assert cells, "the copies table reflows with its column headings"
    screenshot(driver, f"notice-{width}")
    no_violation(driver, axe_source, f"notice-{width}")

    # the accessibility statement, from the footer
    statement = driver.find_element(
        By.CSS_SELECTOR, "#portal-footer-wrapper a[href$='/declaration-accessibilite']"
    )
    click(driver, statement)
    wait(driver).until(EC.url_contains("/declaration-accessibilite"))
    assert "partiellement conforme" in driver.find_element(By.ID, "content").text
    no_sideways_scroll(driver, width)
    no_violation(driver, axe_source, f"accessibilite-{width}")

    # the legal notice, from the footer: on a phone each term stands above its
    # text, which keeps the width of the page (beside it, a word a line)
    legal = driver.find_element(
        By.CSS_SELECTOR, "#portal-footer-wrapper a[href$='/mentions-legales']"
    )
    click(driver, legal)
    wait(driver).until(EC.url_contains("/mentions-legales"))
    no_sideways_scroll(driver, width)
    page = driver.find_element(By.CSS_SELECTOR, ".rt-legal").size["width"]
    for text in driver.find_elements(By.CSS_SELECTOR, ".rt-legal dd"):
        assert text.size["width"] >= 0.6 * page, f"{text.text[:40]}: {text.size['width']} px"
    screenshot(driver, f"mentions-legales-{width}")
    no_violation(driver, axe_source, f"mentions-legales-{width}")
