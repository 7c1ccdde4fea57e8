"""The productions' pages in a real browser (headless chromium), on the demo content
of the activity reports: a dossier, a fiche and its PDF, a Conf'At' session, a
panorama, the watch blog's archive; axe-core (WCAG 2.1 AA) on every public page
type, at desktop and phone widths (screenshots under var/screenshots/)."""

import io
from pathlib import Path

import pypdf
import pytest
import requests
import transaction
from axe_check import run_axe
from live_sites import french_site
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from selenium.webdriver.common.by import By

from rt.infodoc.demo.loader import load_demo_content

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PAGES = {
    "dossier": "dossiers/savoirs-de-base-illettrisme",
    "fiche": "fiches-experiences/regie-de-territoire-graulhet",
    "fiches": "fiches-experiences",
    "confat": "conf-at/insecurite-linguistique-au-travail",
    "confat-agenda": "conf-at",
    "panorama": "panoramas/panorama-vrl-2022",
    "article": "panoramas/panorama-vrl-2022/civ-29-janvier-2022",
    "veille": "veille",
    "actualite": "veille/pripi-midi-pyrenees",
    "periodique": "periodiques/flash-info",
    "mallette": "mallettes/mallette-du-formateur-foix",
    "panoramas": "panoramas",
    "dossiers": "dossiers",
}


@pytest.fixture()
def demo_pages(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    load_demo_content()
    transaction.commit()
    return f"http://localhost:{functional['port']}/plone"


def _shoot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    driver.set_window_size(width, min(max(height, 800), 6000))
    driver.save_screenshot(str(SHOTS / f"productions-{name}.png"))


def pages_read_well_and_pass_axe(demo_pages, browser, axe_source):
    driver = browser
    for width in (1366, 390):
        for name, path in PAGES.items():
            driver.set_window_size(width, 900)
            driver.get(f"{demo_pages}/{path}")
            assert driver.find_element(By.TAG_NAME, "h1").text.strip(), name
            if width == 1366:  # the same markup at both widths: axe-core once per page
                violations = run_axe(driver, axe_source, f"productions-{name}")
                assert violations == [], (name, violations)
            _shoot(driver, f"{name}-{width}")


def dossier_fiche_confat_panorama_and_archive(demo_pages, browser):
    driver = browser
    driver.set_window_size(1366, 900)
    driver.get(f"{demo_pages}/{PAGES['dossier']}")
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Savoirs de base et illettrisme" in text and "Introduction" in text
    assert "Nouveautés sur ces thématiques" in text  # the live block, from the search engine

    driver.get(f"{demo_pages}/{PAGES['fiche']}")
    assert "n°2/2011" in driver.find_element(By.CSS_SELECTOR, ".rt-fiche-number").text
    link = driver.find_element(By.CSS_SELECTOR, "a.rt-fiche-pdf").get_attribute("href")
    pdf = requests.get(link, timeout=60)
    assert pdf.headers["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    assert len(reader.pages) == 4
    cover = reader.pages[0].extract_text()
    assert "n°2/2011" in cover and "La Régie de Territoire, Graulhet" in cover and "Tarn" in cover

    driver.get(f"{demo_pages}/{PAGES['confat']}")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "8 avril 2011" in main and "Hervé Adami" in main
    assert "19 participant·e·s à la conférence" in main

    driver.get(f"{demo_pages}/{PAGES['panorama']}")
    items = driver.find_elements(By.CSS_SELECTOR, "li.rt-press-item h3")
    assert len(items) == 4
    assert "29 janvier 2022" in driver.find_element(By.TAG_NAME, "main").text

    driver.get(f"{demo_pages}/veille")
    driver.get(driver.find_element(By.LINK_TEXT, "avril 2011").get_attribute("href"))
    entries = driver.find_elements(By.CSS_SELECTOR, "li.rt-news-entry h3")
    assert [e.text for e in entries] == ["Le PRIPI Midi-Pyrénées 2010-2012 présenté à Toulouse"]
    assert driver.find_element(By.ID, "rt-h-entries").text == "Actualités de avril 2011"


def test_production_pages_in_chromium(demo_pages, browser, axe_source):
    """One demo build for both: the journeys, then axe-core on every page type."""
    dossier_fiche_confat_panorama_and_archive(demo_pages, browser)
    pages_read_well_and_pass_axe(demo_pages, browser, axe_source)
