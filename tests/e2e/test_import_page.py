"""A documentaliste imports a MARC file from the page, in Chromium: log in, choose
the file, follow the progress bar while the background job runs, read the report.
Accessibility: axe-core on the running and the finished page (Plone's own editing
toolbar, shown to logged-in users, left out: it is not ours)."""

import re

import pytest
import transaction
from axe_check import run_axe
from plone import api
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PASSWORD = "secret-Doc-2026"
RECORDS = 1500
TOOLBAR = ["#edit-zone"]


@pytest.fixture()
def import_site(functional, tmp_path, monkeypatch):
    from rt.infodoc.demo.fund import write_fund

    monkeypatch.setenv("RT_INFODOC_VAR", str(tmp_path / "var"))
    api.user.create(email="doc@example.org", username="doc", password=PASSWORD, roles=("Member",))
    api.user.grant_roles(username="doc", roles=["Documentaliste"])
    transaction.commit()
    fund = tmp_path / "export-cosoter.mrc"
    write_fund(str(fund), count=RECORDS)
    return {
        "base": f"http://{functional['host']}:{functional['port']}/plone",
        "fund": fund,
        "portal": functional["portal"],
    }


def log_in(driver, base):
    driver.get(f"{base}/login")
    driver.find_element(By.NAME, "__ac_name").send_keys("doc")
    driver.find_element(By.NAME, "__ac_password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "[name='buttons.login']").click()
    WebDriverWait(driver, 30).until(lambda d: "/login" not in d.current_url)


def test_upload_follow_progress_read_report(import_site, browser, axe_source):
    base = import_site["base"]
    log_in(browser, base)
    browser.get(f"{base}/@@import-marc")
    browser.find_element(By.ID, "import-fichier").send_keys(str(import_site["fund"]))
    browser.find_element(By.CSS_SELECTOR, "#import-form button[type=submit]").click()

    # the job's page: a progress bar that the script moves as notices go in
    WebDriverWait(browser, 30).until(lambda d: "job=" in d.current_url)
    browser.find_element(By.ID, "import-barre")
    assert browser.find_element(By.ID, "import-en-cours").text.startswith(
        "Import de export-cosoter.mrc"
    )

    def midway(driver):
        """(text, bar value, bar max) once the script has shown a count between 0 and
        the whole file (read together: the script sets them in the same step)."""
        text, value, top = driver.execute_script(
            "var b = document.getElementById('import-barre');"
            "return [document.getElementById('import-texte').textContent, b.value, b.max];"
        )
        match = re.search(rf"(\d+) notices traitées sur {RECORDS}", text)
        if match and 0 < int(match.group(1)) < RECORDS:
            return text, value, top
        return None

    text, value, top = WebDriverWait(browser, 60, poll_frequency=0.1).until(midway)
    assert int(value) == int(re.search(r"\d+", text).group()) and int(top) == RECORDS
    assert "notices/s" in text and "fin estimée dans" in text
    running_url = browser.current_url
    assert run_axe(browser, axe_source, "import-running", TOOLBAR) == []

    # at the end the page reloads itself with the report
    WebDriverWait(browser, 240).until(EC.presence_of_element_located((By.ID, "resultat")))
    assert browser.current_url == running_url
    assert browser.find_element(By.CSS_SELECTOR, "#import-job .import-status").text == "terminé"
    rows = {
        row.find_element(By.TAG_NAME, "th").text: row.find_element(By.TAG_NAME, "td").text
        for row in browser.find_elements(By.CSS_SELECTOR, "#resultat ~ table tbody tr")
    }
    assert rows["créées"] == str(RECORDS) and rows["rejetées"] == "0"
    assert browser.find_elements(By.ID, "import-barre") == []
    assert run_axe(browser, axe_source, "import-report", TOOLBAR) == []
    transaction.begin()
    found = api.content.find(context=import_site["portal"], portal_type="Notice", unrestricted=True)
    assert len(found) == RECORDS
