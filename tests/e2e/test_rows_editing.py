"""Editing rows in Chromium: a Conf'At' session's speakers (a row typed into the
grid's last, empty row, saved, seen on the session's page) and a Notice's authors
(a function picked from the UNIMARC list, a row moved up). axe-core on the grids;
the edit forms photographed at 1366 and 390 px under var/screenshots/."""

import json
from pathlib import Path

import pytest
import transaction
from live_sites import french_site
from plone import api
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

PASSWORD = "secret-Rows-2026"
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
WIDTHS = {"desktop": 1366, "phone": 390}


@pytest.fixture()
def rows_site(functional):
    portal = functional["portal"]
    french_site()
    api.user.create(email="redac@example.org", username="redac", password=PASSWORD)
    api.user.grant_roles(username="redac", roles=["Manager"])
    with api.env.adopt_roles(["Manager"]):
        confat = api.content.create(
            container=portal["conf-at"],
            type="ConfAt",
            id="insecurite-linguistique",
            title="L'insécurité linguistique au travail",
            speakers=[
                {"name": "Hervé Adami", "title": "Maître de conférences", "affiliation": "ATILF"}
            ],
        )
        api.content.transition(obj=confat, transition="publish")
        notice = api.content.create(
            container=portal["fonds"],
            type="Notice",
            id="invention-illettrisme",
            title="L'invention de l'illettrisme",
            authors=[
                {"name": "Lahire, Bernard", "kind": "person", "function": "070", "role": "main"},
                {"name": "Ampère, Marie", "kind": "person", "function": "730", "role": "secondary"},
            ],
        )
    transaction.commit()
    return {
        "base": f"http://{functional['host']}:{functional['port']}/plone",
        "portal": portal,
        "confat": confat,
        "notice": notice,
    }


def wait(driver, seconds=20):
    return WebDriverWait(driver, seconds)


def log_in(driver, base):
    driver.get(f"{base}/login")
    driver.find_element(By.NAME, "__ac_name").send_keys("redac")
    driver.find_element(By.NAME, "__ac_password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "[name='buttons.login']").click()
    wait(driver, 30).until(lambda d: "/login" not in d.current_url)


def open_grid(driver, url, field):
    driver.get(url)
    grid = wait(driver).until(lambda d: d.find_element(By.ID, f"formfield-form-widgets-{field}"))
    # the grid's script is ready when it has set up its rows' buttons
    wait(driver).until(
        lambda d: d.execute_script(
            "return document.querySelector('.pat-datagridfield') && "
            "document.querySelectorAll('.dgf--row-moveup[disabled]').length > 0"
        )
    )
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", grid)
    return grid


def rows(driver, field):
    """The visible rows of a grid: [{column: value}]."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll("
        "'#form-widgets-' + arguments[0] + ' tbody tr.datagridwidget-row'))"
        ".filter(r => r.dataset.index !== 'TT' && r.offsetParent !== null)"
        ".map(r => Object.fromEntries(Array.from(r.querySelectorAll('input[type=text], select'))"
        ".map(e => [e.name.split('.widgets.').pop().replace(':list', ''), e.value])));",
        field,
    )


def axe_on(driver, source, selector):
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run({include: [[arguments[0]]]}, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(JSON.stringify(r.violations.map(v => [v.id, v.impact, "
        "v.nodes.map(n => n.target)])))).catch(e => done(JSON.stringify([['axe', String(e)]])));",
        selector,
    )
    return [v for v in json.loads(result) if v[1] in ("serious", "critical")]


def shoot(driver, name, width, field):
    driver.set_window_size(width, 1000)
    grid = driver.find_element(By.ID, f"formfield-form-widgets-{field}")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", grid)
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}-{width}.png"))
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"
    )
    assert overflow <= 1, f"{name} at {width} px: the page scrolls sideways ({overflow} px)"


def test_speakers_of_a_confat_session(rows_site, browser, axe_source):
    driver = browser
    confat = rows_site["confat"]
    log_in(driver, rows_site["base"])
    open_grid(driver, confat.absolute_url() + "/@@edit", "speakers")
    assert axe_on(driver, axe_source, "#formfield-form-widgets-speakers") == []
    for label, width in WIDTHS.items():
        shoot(driver, f"rows-confat-edit-{label}", width, "speakers")
    driver.set_window_size(1366, 1000)

    last = driver.find_element(By.NAME, "form.widgets.speakers.AA.widgets.name")
    last.send_keys("Élise Fabre")
    row = last.find_element(By.XPATH, "./ancestor::tr")
    row.find_element(By.CSS_SELECTOR, "input[name$='.widgets.title']").send_keys("Formatrice")
    row.find_element(By.CSS_SELECTOR, "input[name$='.widgets.affiliation']").send_keys("CRIA 31")
    # typing into the empty row made it a row and added an empty one below
    wait(driver).until(lambda d: len(rows(d, "speakers")) == 3)
    assert [r["name"] for r in rows(driver, "speakers")] == ["Hervé Adami", "Élise Fabre", ""]

    driver.find_element(By.ID, "form-buttons-save").click()
    wait(driver).until(lambda d: "/@@edit" not in d.current_url)
    body = driver.find_element(By.TAG_NAME, "main").text
    assert "Élise Fabre" in body and "CRIA 31" in body and "Hervé Adami" in body
    assert "\\u00" not in driver.page_source and '[{"' not in body
    transaction.begin()
    assert confat.speakers == [
        {"name": "Hervé Adami", "title": "Maître de conférences", "affiliation": "ATILF"},
        {"name": "Élise Fabre", "title": "Formatrice", "affiliation": "CRIA 31"},
    ]


def test_authors_of_a_notice(rows_site, browser, axe_source):
    driver = browser
    notice = rows_site["notice"]
    log_in(driver, rows_site["base"])
    open_grid(driver, notice.absolute_url() + "/@@edit", "authors")
    assert axe_on(driver, axe_source, "#formfield-form-widgets-authors") == []
    for label, width in WIDTHS.items():
        shoot(driver, f"rows-notice-edit-{label}", width, "authors")
    driver.set_window_size(1366, 1000)

    function = Select(driver.find_element(By.NAME, "form.widgets.authors.1.widgets.function:list"))
    assert function.first_selected_option.text == "Traducteur (730)"
    function.select_by_visible_text("Préfacier, etc. (080)")
    second = driver.find_element(By.CSS_SELECTOR, "#form-widgets-authors tr[data-index='1']")
    second.find_element(By.CSS_SELECTOR, ".dgf--row-moveup").click()
    wait(driver).until(lambda d: rows(d, "authors")[0]["name"] == "Ampère, Marie")

    driver.find_element(By.ID, "form-buttons-save").click()
    wait(driver).until(lambda d: "/@@edit" not in d.current_url)
    transaction.begin()
    assert notice.authors == [
        {"name": "Ampère, Marie", "kind": "person", "function": "080", "role": "secondary"},
        {"name": "Lahire, Bernard", "kind": "person", "function": "070", "role": "main"},
    ]
