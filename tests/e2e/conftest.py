"""Real-browser fixtures: headless Debian chromium, axe-core, and a small fund about
illettrisme (public records and one for members only) published in the site where
the catalog answers (`catalog_fund`) or in the Solr site, indexed in its own Solr
(`solr_fund`, tests marked solr_site)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import transaction
from live_sites import french_site
from live_sites import indexed_in_solr
from live_sites import make_notice
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.search.health import HEALTH

HERE = Path(__file__).parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not download a browser


JOURNEY_RECORDS = {
    "lire": dict(
        id="apprendre-a-lire",
        title="Apprendre à lire aux adultes",
        authors=[{"name": "Martin, Sophie", "role": "Auteur", "kind": "person"}],
        document_type="guide-methodologique",
        year=2012,
        publisher="Érès",
        place="Toulouse",
        summary="Un guide pour lutter contre l'illettrisme des adultes.",
        themes=["savoirs-de-base"],
        territory=["31"],
        isbn=["978-2-7492-1234-5"],
        items=[
            {
                "barcode": "RT1",
                "call_number": "374 MAR",
                "status": "Empruntable",
                "site": "toulouse",
            }
        ],
    ),
    "emploi": dict(
        id="illettrisme-et-emploi",
        title="Illettrisme et emploi",
        authors=[{"name": "Durand, Paul", "role": "Auteur", "kind": "person"}],
        document_type="ouvrage",
        year=2019,
        publisher="La Découverte",
        place="Paris",
        summary="L'illettrisme au travail.",
        themes=["savoirs-de-base", "emploi-insertion"],
        territory=["31"],
    ),
    "ariege": dict(
        id="illettrisme-ariege",
        title="Lutter contre l'illettrisme en Ariège",
        document_type="ouvrage",
        year=2020,
        summary="Illettrisme en milieu rural.",
        themes=["savoirs-de-base"],
        territory=["09"],
    ),
    "rapport": dict(
        id="rapport-illettrisme",
        title="Rapport régional sur l'illettrisme",
        document_type="rapport",
        year=2016,
        themes=["politique-de-la-ville"],
        territory=["occitanie"],
    ),
    "egalite": dict(
        id="egalite-quartiers",
        title="Égalité femmes-hommes dans les quartiers",
        document_type="rapport",
        year=2016,
        summary="Les inégalités dans l'espace public.",
        themes=["egalite-femmes-hommes"],
        territory=["34"],
    ),
    "secret": dict(
        id="note-reservee",
        title="Note confidentielle sur l'illettrisme",
        state="members",
        document_type="ouvrage",
        year=2021,
        summary="Illettrisme des adhérents.",
        themes=["savoirs-de-base"],
        territory=["31"],
    ),
}


def publish_journey_fund(layer):
    """JOURNEY_RECORDS in /fonds of the layer's site (the secret one for members only),
    committed; returns the records and the site's base URL."""
    portal = layer["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    records = {}
    for key, fields in JOURNEY_RECORDS.items():
        fields = dict(fields)
        records[key] = make_notice(
            portal["fonds"],
            fields.pop("id"),
            fields.pop("title"),
            state=fields.pop("state", "published"),
            **fields,
        )
    transaction.commit()
    return {"base": f"http://{layer['host']}:{layer['port']}/plone", "records": records}


@pytest.fixture()
def catalog_fund(functional):
    """The journey fund in the site where collective.solr is off: the catalog answers."""
    return publish_journey_fund(functional)


@pytest.fixture()
def solr_fund(solr_functional):
    """The journey fund in the Solr site, indexed in the layer's own Solr (committed,
    then found there) before any page is asked for."""
    yield indexed_in_solr(solr_functional, publish_journey_fund)
    HEALTH.forget()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install axe-core (tests/e2e/package-lock.json)"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture()
def downloads(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture()
def browser(downloads):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--lang=fr-FR",
    ):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
        },
    )
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.implicitly_wait(0)
    yield driver
    driver.quit()
