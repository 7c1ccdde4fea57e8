"""A documentaliste reviews a damaged record the import held apart and accepts it, in
Chromium, on a wide screen and a phone-sized one.  Screenshots of the page go to
``$RT_SCREENSHOTS`` when set (to look at them), else to the test's own folder."""

import os
from pathlib import Path

import marc_damage as damage
import pytest
import transaction
from axe_check import run_axe
from plone import api
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.reader import iter_raw_iso2709
from rt.infodoc.marc.reader import read_records

# the page reloads after a form is sent: an element read meanwhile is stale, try again
RELOADING = (StaleElementReferenceException,)

PASSWORD = "secret-Doc-2026"
TOOLBAR = ["#edit-zone"]


@pytest.fixture()
def held_site(functional, tmp_path, monkeypatch):
    from rt.infodoc.demo.fund import write_fund
    from rt.infodoc.importer.runner import import_file

    monkeypatch.setenv("RT_INFODOC_VAR", str(tmp_path / "var"))
    api.user.create(email="doc@example.org", username="doc", password=PASSWORD, roles=("Member",))
    api.user.grant_roles(username="doc", roles=["Documentaliste"])
    fund = tmp_path / "fonds.mrc"
    write_fund(str(fund), count=40)
    import_file(functional["portal"], fund)
    transaction.commit()
    raws = [raw for _pos, _off, raw in iter_raw_iso2709(fund)]
    mapped = [to_notice(r.record, r.flavour) for r in read_records(fund)]
    with_isbn = [i for i, notice in enumerate(mapped) if notice.get("isbn")][:2]
    damaged = tmp_path / "export-cosoter-abime.mrc"
    damaged.write_bytes(
        raws[0]
        + damage.retag(raws[with_isbn[0]], b"001", b"0O1")
        + damage.relength(raws[with_isbn[1]], b"200", 2)
        + damage.retag(raws[with_isbn[1]], b"010", b"005")
    )
    return {
        "base": f"http://{functional['host']}:{functional['port']}/plone",
        "file": damaged,
        "portal": functional["portal"],
    }


def log_in(driver, base):
    driver.get(f"{base}/login")
    driver.find_element(By.NAME, "__ac_name").send_keys("doc")
    driver.find_element(By.NAME, "__ac_password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "[name='buttons.login']").click()
    WebDriverWait(driver, 30).until(lambda d: "/login" not in d.current_url)


def shoot(driver, folder, name):
    """Full-page PNGs at 1366 and 390 pixels wide."""
    for width in (1366, 390):
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(height + 120, 8000))
        driver.save_screenshot(str(folder / f"{name}-{width}.png"))
    driver.set_window_size(1280, 1000)


def test_review_and_accept_a_held_record(held_site, browser, axe_source, tmp_path):
    folder = Path(os.environ.get("RT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    base = held_site["base"]
    log_in(browser, base)
    browser.get(f"{base}/@@import-marc")
    browser.find_element(By.ID, "import-fichier").send_keys(str(held_site["file"]))
    browser.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()
    WebDriverWait(browser, 120, ignored_exceptions=RELOADING).until(
        EC.presence_of_element_located((By.ID, "resultat"))
    )

    damaged = browser.find_elements(By.CSS_SELECTOR, "[aria-labelledby=notices-abimees] tbody tr")
    assert len(damaged) == 3
    cards = browser.find_elements(By.CSS_SELECTOR, ".held-record")
    assert len(cards) == 2
    assert "aurait modifié la notice" in cards[0].text
    shoot(browser, folder, "import-notices-abimees")
    assert run_axe(browser, axe_source, "import-held", TOOLBAR) == []

    card = cards[0]
    for selector in ("input[type=checkbox]", "button[type=submit]"):
        element = card.find_element(By.CSS_SELECTOR, selector)
        browser.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
        )
        element.click()
    WebDriverWait(browser, 30, ignored_exceptions=RELOADING).until(
        lambda d: "Notice acceptée" in d.find_element(By.TAG_NAME, "body").text
    )
    assert len(browser.find_elements(By.CSS_SELECTOR, ".held-record")) == 1
    shoot(browser, folder, "import-notice-acceptee")
