"""The frame of the public pages in headless Chromium at 1366 px and 390 px
(theme/frame/): the search titled by its words, « Fonds documentaire » the menu
entry of /recherche once Plone's menu script has run (it marks entries by the
page's canonical address), the 404 page's search form leading to the search,
axe-core (WCAG 2.1 AA) on the 404 page. Screenshots in var/screenshots/."""

import time

import pytest
import transaction
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from test_portal_entrance import WIDTHS
from test_portal_entrance import at_width
from test_portal_entrance import no_sideways_scroll
from test_portal_entrance import no_violation
from test_portal_entrance import screenshot
from test_portal_entrance import wait

pytestmark = pytest.mark.browser

NAV = "#portal-globalnav > li"


def _marked(driver):
    """{menu entry id: its classes} for the entries marked current or selected."""
    return driver.execute_script(
        "return Object.fromEntries(Array.from(document.querySelectorAll(arguments[0]))"
        ".filter(li => /current|inPath|selected/.test(li.className))"
        ".map(li => [li.classList[0], li.className]))",
        NAV,
    )


def _background(driver, entry):
    """The entry's background once its colour transition is over."""
    link = driver.find_element(By.CSS_SELECTOR, f"{NAV}.{entry} > a")
    read = "return getComputedStyle(arguments[0]).backgroundColor"
    colour, previous = driver.execute_script(read, link), None
    while colour != previous:
        time.sleep(0.3)
        previous, colour = colour, driver.execute_script(read, link)
    return colour


@pytest.mark.parametrize("device", WIDTHS)
def test_titles_menu_and_the_missing_page(functional, catalog_fund, browser, axe_source, device):
    functional["portal"]["fonds"].reindexObject()  # a tab of the main menu
    transaction.commit()
    base, driver, width = catalog_fund["base"], browser, WIDTHS[device]
    at_width(driver, width)

    # the home page: Plone's menu script marks « Accueil » (the script runs here)
    driver.get(base)
    wait(driver).until(lambda d: "index_html" in _marked(d))
    home_colour = _background(driver, "index_html")

    # the search: its words in the title, « Fonds documentaire » marked, only it
    driver.get(f"{base}/recherche?q=illettrisme")
    wait(driver).until(EC.title_contains("Recherche : « illettrisme » — "))
    time.sleep(0.5)  # the menu script would have cleared a mark by now
    assert list(_marked(driver)) == ["fonds"]
    assert _background(driver, "fonds") == home_colour
    crumb = driver.find_element(By.CSS_SELECTOR, "#portal-breadcrumbs li[aria-current='page']")
    assert crumb.get_attribute("textContent").strip() == "Recherche"
    screenshot(driver, f"recherche-titre-{width}")

    # a missing page: its title, a search form that leads to the search
    driver.get(f"{base}/cette-page-nexiste-pas")
    wait(driver).until(EC.title_contains("Page introuvable — "))
    assert _marked(driver) == {}
    no_sideways_scroll(driver, width)
    screenshot(driver, f"page-introuvable-{width}")
    no_violation(driver, axe_source, f"page-introuvable-{width}")
    box = driver.find_element(By.ID, "rt-error-q")
    box.send_keys("lire")
    box.submit()
    wait(driver).until(EC.title_contains("Recherche : « lire » — "))
    assert "/recherche?q=lire" in driver.current_url
