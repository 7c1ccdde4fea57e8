"""The Content-Security-Policy is one the pages respect: real pages in Chromium,
the policy enforced (not report-only), zero violations.

Anonymous visitors get the public policy (script-src 'self'): home page, a search,
a facet, a Notice, the basket, the login form, a 404. Editors get the editing
policy (rt.infodoc.security.settings says why): a Documentaliste's import page and
edit form, a Manager's toolbar (its menus opened), edit form, folder contents,
@@import-marc and control panels. First of all, the check itself is checked: an
inline script added to a public page is blocked and reported.
"""

import pytest
import transaction
from csp_check import violations
from csp_check import watch
from plone import api
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

PASSWORD = "secret-Csp-2026"


@pytest.fixture()
def csp_site(catalog_fund):
    for username, role in (("doc", "Documentaliste"), ("gestion", "Manager")):
        api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD, roles=("Member",)
        )
        api.user.grant_roles(username=username, roles=[role])
    transaction.commit()
    return catalog_fund


@pytest.fixture()
def driver(browser):
    watch(browser)
    return browser


def wait(driver, seconds=15):
    return WebDriverWait(driver, seconds)


def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def log_in(driver, base, username):
    driver.get(f"{base}/login")
    driver.find_element(By.NAME, "__ac_name").send_keys(username)
    driver.find_element(By.NAME, "__ac_password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "[name='buttons.login']").click()
    wait(driver, 30).until(lambda d: "/login" not in d.current_url)


def check(driver, name, found):
    assert violations(driver, name) == [], f"{name}: {driver.current_url}"
    found.append(name)


def test_the_check_sees_what_the_policy_blocks(csp_site, driver):
    driver.get(f"{csp_site['base']}/")
    assert violations(driver) == []
    driver.execute_script(
        "var s = document.createElement('script');"
        "s.textContent = 'window.__inlineRan = true;'; document.head.appendChild(s);"
    )
    blocked = violations(driver)
    assert len(blocked) == 1 and blocked[0].startswith("enforce | script-src-elem | inline")
    assert driver.execute_script("return window.__inlineRan === undefined")


def test_public_pages(csp_site, driver):
    base, seen = csp_site["base"], []
    driver.get(f"{base}/")
    check(driver, "home", seen)

    driver.get(f"{base}/recherche?q=illettrisme")
    wait(driver).until(EC.presence_of_element_located((By.ID, "rt-count")))
    check(driver, "search", seen)
    facet = next(
        link
        for link in driver.find_elements(
            By.CSS_SELECTOR, "section[aria-labelledby='rt-facet-themes'] a"
        )
        if "Savoirs de base" in link.text
    )
    click(driver, facet)
    wait(driver).until(EC.url_contains("f.themes="))
    check(driver, "facet", seen)

    driver.get(csp_site["records"]["emploi"].absolute_url())
    assert driver.find_element(By.TAG_NAME, "h1").text == "Illettrisme et emploi"
    button = driver.find_element(By.CSS_SELECTOR, "button.rt-basket-toggle")
    click(driver, button)  # the basket's script sets a cookie and updates the page
    wait(driver).until(lambda d: button.get_attribute("aria-pressed") == "true")
    check(driver, "notice", seen)

    driver.get(f"{base}/panier")
    assert driver.find_elements(By.CSS_SELECTOR, "ol.rt-basket-list cite")
    check(driver, "basket", seen)

    driver.get(f"{base}/login")
    check(driver, "login", seen)
    driver.get(f"{base}/nexiste-pas")
    check(driver, "404", seen)
    assert len(seen) == 7


def open_toolbar_menus(driver):
    """Open each drop-down of Plone's toolbar (add, state, actions, display...)."""
    toggles = driver.find_elements(
        By.CSS_SELECTOR, "#edit-zone .nav-link.dropdown-toggle, #edit-zone a[data-bs-toggle]"
    )
    assert toggles, "no toolbar menu"
    for toggle in toggles:
        if toggle.is_displayed():
            click(driver, toggle)
    return len(toggles)


def test_editing_pages_of_a_manager(csp_site, driver):
    base, seen = csp_site["base"], []
    notice = csp_site["records"]["lire"].absolute_url()
    log_in(driver, base, "gestion")
    driver.get(notice)
    wait(driver).until(EC.presence_of_element_located((By.ID, "edit-zone")))
    open_toolbar_menus(driver)
    check(driver, "toolbar", seen)

    driver.get(f"{notice}/edit")
    wait(driver).until(EC.presence_of_element_located((By.ID, "form-buttons-save")))
    check(driver, "edit-form", seen)

    driver.get(f"{base}/fonds/folder_contents")
    wait(driver, 30).until(
        EC.presence_of_element_located(
            (By.CSS_SELECTOR, ".pat-structure table, .structure-wrapper table")
        )
    )
    check(driver, "folder-contents", seen)

    driver.get(f"{base}/++add++DossierThematique")  # related items widget, TinyMCE
    wait(driver).until(EC.presence_of_element_located((By.ID, "form-buttons-save")))
    check(driver, "add-dossier", seen)

    for page in (
        "@@import-marc",
        "@@overview-controlpanel",
        "@@site-controlpanel",
        "@@rt-infodoc-vocabularies",
    ):
        driver.get(f"{base}/{page}")
        check(driver, page, seen)
    assert len(seen) == 8


def test_editing_pages_of_a_documentaliste(csp_site, driver):
    base, seen = csp_site["base"], []
    log_in(driver, base, "doc")
    driver.get(f"{base}/@@import-marc")
    wait(driver).until(EC.presence_of_element_located((By.ID, "import-fichier")))
    check(driver, "doc-import", seen)
    driver.get(f"{csp_site['records']['emploi'].absolute_url()}/edit")
    wait(driver).until(EC.presence_of_element_located((By.ID, "form-buttons-save")))
    check(driver, "doc-edit-form", seen)
