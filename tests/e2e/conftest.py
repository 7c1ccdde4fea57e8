"""Real-browser fixtures: headless Debian chromium, axe-core, a small public fund."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

HERE = Path(__file__).parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not download a browser


def _notice(container, id, title, state="published", **fields):
    obj = api.content.create(container=container, type="Notice", id=id, title=title, **fields)
    if state:
        api.content.transition(obj=obj, to_state=state)
    return obj


@pytest.fixture()
def site(functional):
    """Public and restricted records about illettrisme, committed; returns the base URL."""
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.portal.set_registry_record("plone.available_languages", ["fr"])
    api.portal.set_registry_record("plone.default_language", "fr")
    fonds = portal["fonds"]
    records = {
        "lire": _notice(
            fonds, "apprendre-a-lire", "Apprendre à lire aux adultes",
            authors=[{"name": "Martin, Sophie", "role": "Auteur", "kind": "person"}],
            document_type="guide-methodologique", year=2012, publisher="Érès", place="Toulouse",
            summary="Un guide pour lutter contre l'illettrisme des adultes.",
            themes=["savoirs-de-base"], territory=["31"], isbn=["978-2-7492-1234-5"],
            items=[{"barcode": "RT1", "call_number": "374 MAR", "status": "Empruntable",
                    "site": "toulouse"}]),
        "emploi": _notice(
            fonds, "illettrisme-et-emploi", "Illettrisme et emploi",
            document_type="ouvrage", year=2019, summary="L'illettrisme au travail.",
            themes=["savoirs-de-base", "emploi-insertion"], territory=["31"]),
        "ariege": _notice(
            fonds, "illettrisme-ariege", "Lutter contre l'illettrisme en Ariège",
            document_type="ouvrage", year=2020, summary="Illettrisme en milieu rural.",
            themes=["savoirs-de-base"], territory=["09"]),
        "rapport": _notice(
            fonds, "rapport-illettrisme", "Rapport régional sur l'illettrisme",
            document_type="rapport", year=2016, themes=["politique-de-la-ville"],
            territory=["occitanie"]),
        "secret": _notice(
            fonds, "note-reservee", "Note confidentielle sur l'illettrisme", state="members",
            document_type="ouvrage", year=2021, themes=["savoirs-de-base"]),
    }
    transaction.commit()
    base = f"http://{functional['host']}:{functional['port']}/plone"
    return {"base": base, **records}


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
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--window-size=1280,1000", "--lang=fr-FR"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
    })
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def run_axe(driver, source, name):
    """Inject axe-core, run it on the page; return the serious and critical violations."""
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify("
        "[{id: 'axe-error', impact: 'critical', description: String(e), nodes: []}])));")
    shots = os.environ.get("RT_E2E_SCREENSHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(shots) / f"{name}.png"))
    violations = json.loads(result)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v.get("help", v.get("description")),
         "targets": [n["target"] for n in v["nodes"]][:12],
         "why": [(n.get("any") or [{}])[0].get("message", "")[:160] for n in v["nodes"]][:12]}
        for v in violations if v["impact"] in ("serious", "critical")
    ]
