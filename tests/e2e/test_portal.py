"""The search portal in a real browser: search, facets, record, export, basket, keyboard, axe."""

import json
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import run_axe

pytestmark = pytest.mark.browser


def wait(driver, seconds=15):
    return WebDriverWait(driver, seconds)


def result_titles(driver):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "h3.rt-result-title a")]


def count_text(driver):
    return driver.find_element(By.ID, "rt-count").text


def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def click_facet(driver, facet, title):
    links = driver.find_elements(By.CSS_SELECTOR, f"section[aria-labelledby='rt-facet-{facet}'] a")
    link = next(a for a in links if a.find_element(By.CLASS_NAME, "rt-facet-title").text.startswith(title))
    click(driver, link)
    wait(driver).until(EC.staleness_of(link))


def test_search_facets_record_export_basket(site, browser, downloads):
    driver = browser
    driver.get(f"{site['base']}/recherche")
    box = driver.find_element(By.ID, "rt-q")
    box.send_keys("illettrisme")
    box.send_keys(Keys.ENTER)
    wait(driver).until(EC.presence_of_element_located((By.ID, "rt-count")))
    titles = result_titles(driver)
    assert "Illettrisme et emploi" in titles
    assert not any("confidentielle" in t for t in titles)
    assert "confidentielle" not in driver.page_source

    click_facet(driver, "themes", "Savoirs de base")
    assert sorted(result_titles(driver)) == sorted([
        "Apprendre à lire aux adultes", "Illettrisme et emploi",
        "Lutter contre l'illettrisme en Ariège"])
    click_facet(driver, "document_type", "Ouvrage")
    titles = result_titles(driver)
    assert sorted(titles) == ["Illettrisme et emploi", "Lutter contre l'illettrisme en Ariège"]
    assert count_text(driver) == f"{len(titles)} résultats"
    chips = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "a.rt-chip")]
    assert any(c.startswith("Type de document : Ouvrage") for c in chips)
    assert "f.themes=savoirs-de-base" in driver.current_url
    assert "f.document_type=ouvrage" in driver.current_url

    # open a record and download its RIS export
    click(driver, driver.find_element(By.LINK_TEXT, "Illettrisme et emploi"))
    wait(driver).until(EC.url_contains("/fonds/illettrisme-et-emploi"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Illettrisme et emploi"
    click(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "RIS"))
    target = downloads / "illettrisme-et-emploi.ris"
    for _ in range(100):
        if target.exists() and target.stat().st_size:
            break
        time.sleep(0.1)
    ris = target.read_text(encoding="utf-8")
    assert ris.startswith("TY  - BOOK") and "TI  - Illettrisme et emploi" in ris
    assert "PY  - 2019" in ris and "ER  - " in ris

    # add to the basket (JavaScript, cookie) and find it on /panier
    button = driver.find_element(By.CSS_SELECTOR, "button.rt-basket-toggle")
    click(driver, button)
    wait(driver).until(lambda d: button.get_attribute("aria-pressed") == "true")
    assert button.text == "Dans le panier"
    assert driver.find_element(By.CSS_SELECTOR, ".rt-basket-count").text == "1"
    driver.get(f"{site['base']}/panier")
    listed = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "ol.rt-basket-list cite")]
    assert listed == ["Illettrisme et emploi"]


def test_autocompletion(site, browser):
    driver = browser
    driver.get(f"{site['base']}/recherche")
    box = driver.find_element(By.ID, "rt-q")
    assert box.get_attribute("role") == "combobox"
    box.send_keys("Appren")
    listbox = wait(driver).until(EC.visibility_of_element_located((By.ID, "rt-q-suggestions")))
    assert box.get_attribute("aria-expanded") == "true"
    options = [o.text for o in listbox.find_elements(By.CSS_SELECTOR, "[role=option]")]
    assert options == ["Apprendre à lire aux adultes"]
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == "rt-q-option-0"
    box.send_keys(Keys.ENTER)
    wait(driver).until(EC.presence_of_element_located((By.ID, "rt-count")))
    assert "Apprendre à lire aux adultes" in result_titles(driver)
    # restricted titles are never suggested
    box = driver.find_element(By.ID, "rt-q")
    box.clear()
    box.send_keys("Note conf")
    time.sleep(1)
    assert not driver.find_elements(By.CSS_SELECTOR, "#rt-q-suggestions [role=option]")


def test_keyboard_only_navigation(site, browser):
    driver = browser
    driver.get(f"{site['base']}/recherche?q=illettrisme")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    first = driver.switch_to.active_element
    assert first.text == "Aller au contenu"  # the skip link comes first, visible on focus
    assert first.is_displayed() and first.location["x"] >= 0
    first_result = driver.find_element(By.CSS_SELECTOR, "h3.rt-result-title a")
    focused = []
    for _ in range(80):
        active = driver.switch_to.active_element
        focused.append(active)
        if active == first_result:
            break
        active.send_keys(Keys.TAB)
    assert driver.switch_to.active_element == first_result
    outline = driver.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];",
        first_result)
    assert outline[0] != "none" and outline[1] != "0px"
    # the facets are reached by keyboard too, and Enter follows the focused result
    href = first_result.get_attribute("href")
    first_result.send_keys(Keys.ENTER)
    wait(driver).until(EC.url_to_be(href))


@pytest.mark.parametrize("page", ["home", "results", "notice", "basket"])
def test_axe_no_serious_violations(site, browser, axe_source, page):
    driver = browser
    base = site["base"]
    if page == "home":
        driver.get(f"{base}/recherche")
    elif page == "results":
        driver.get(f"{base}/recherche?q=illettrisme&f.themes=savoirs-de-base")
    elif page == "notice":
        driver.get(site["lire"].absolute_url())
    else:
        driver.get(f"{base}/recherche")
        driver.add_cookie({"name": "rt_panier", "value": f"{site['lire'].UID()}.{site['emploi'].UID()}",
                           "path": "/"})
        driver.get(f"{base}/panier")
        assert len(driver.find_elements(By.CSS_SELECTOR, "ol.rt-basket-list > li")) == 2
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    violations = run_axe(driver, axe_source, page)
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
