"""/recherche in headless Chromium at 1366 and 390 px: the results use the width the
page has, whatever the search gives (no facet at all, a very long word typed).
Full-page PNGs go to ``$RT_SCREENSHOTS`` (default var/screenshots/)."""

import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
LONG_WORD = "anticonstitutionnellement" * 5


def _shot(driver, name, width):
    folder = Path(os.environ.get("RT_SCREENSHOTS") or REPO / "var" / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height + 120, 8000))
    driver.save_screenshot(str(folder / f"{name}-{width}.png"))


def _open(driver, url, width):
    driver.set_window_size(width, 900)
    driver.get(url)
    return driver.find_element(By.ID, "rt-count").text


def _sideways(driver):
    return driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")


def _width(driver, selector):
    return driver.execute_script(
        "return document.querySelector(arguments[0]).getBoundingClientRect().width", selector
    )


def test_without_facets_the_results_take_the_whole_width(catalog_fund, browser):
    assert _open(browser, f"{catalog_fund['base']}/recherche?q=zzxqwvbnm", 1366) == (
        "Aucun résultat"
    )
    assert not browser.find_elements(By.ID, "rt-facets")
    layout = _width(browser, ".rt-layout")
    results = _width(browser, ".rt-main-results")
    assert results > 0.95 * layout, (results, layout)
    assert browser.find_element(By.ID, "rt-permalink").size["width"] > 600
    _shot(browser, "recherche-aucun-resultat", 1366)
    _open(browser, f"{catalog_fund['base']}/recherche?q=zzxqwvbnm", 390)
    assert _sideways(browser) <= 1
    _shot(browser, "recherche-aucun-resultat", 390)


def test_with_facets_they_keep_their_column(catalog_fund, browser):
    assert _open(browser, f"{catalog_fund['base']}/recherche?q=illettrisme", 1366) != (
        "Aucun résultat"
    )
    facets = _width(browser, "#rt-facets")
    results = _width(browser, ".rt-main-results")
    assert 200 < facets < 400 and results > 2 * facets, (facets, results)
    _shot(browser, "recherche-illettrisme", 1366)
    _open(browser, f"{catalog_fund['base']}/recherche?q=illettrisme", 390)
    assert _sideways(browser) <= 1
    _shot(browser, "recherche-illettrisme", 390)


@pytest.mark.parametrize("width", [390, 1366])
def test_a_very_long_word_does_not_widen_the_page(catalog_fund, browser, width):
    _open(browser, f"{catalog_fund['base']}/recherche?q={LONG_WORD}", width)
    chip = browser.find_element(By.CSS_SELECTOR, ".rt-chip")
    assert LONG_WORD in chip.text.replace("\n", "")
    assert _sideways(browser) <= 1, _sideways(browser)
    assert chip.size["width"] <= browser.execute_script("return window.innerWidth")
    _shot(browser, "recherche-mot-long", width)
