"""The search portal by keyboard alone, in a real browser: skip link first, visible focus,
results reached with Tab and followed with Enter. (Search, facets, record, exports,
basket and axe-core, on both backends: test_search_journey.py.)"""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser


def test_keyboard_only_navigation(catalog_fund, browser):
    driver = browser
    driver.get(f"{catalog_fund['base']}/recherche?q=illettrisme")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    first = driver.switch_to.active_element
    assert first.text == "Aller au contenu"  # the skip link comes first, visible on focus
    assert first.is_displayed() and first.location["x"] >= 0
    first_result = driver.find_element(By.CSS_SELECTOR, "h3.rt-result-title a")
    for _ in range(80):
        active = driver.switch_to.active_element
        if active == first_result:
            break
        active.send_keys(Keys.TAB)
    assert driver.switch_to.active_element == first_result
    outline = driver.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];",
        first_result,
    )
    assert outline[0] != "none" and outline[1] != "0px"
    # the facets are reached by keyboard too, and Enter follows the focused result
    href = first_result.get_attribute("href")
    first_result.send_keys(Keys.ENTER)
    WebDriverWait(driver, 15).until(EC.url_to_be(href))
