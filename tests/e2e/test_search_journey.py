"""The search journey in headless Chromium, on each backend the portal can answer from.

The tests are written once, in the mixins below (SearchJourney: autocompletion, query,
two facets, record, exports, basket, restricted content; Accessibility: axe-core;
FrenchRelevance: what only Solr's French analysis finds), and run by three classes:
- TestWithoutSolr: collective.solr off, the Plone catalog answers;
- TestOnSolr: collective.solr on, the Solr layer's own Solr answers (the fund is
  committed and found in Solr before any page is asked for); these tests carry the
  marker solr_site and run in a pytest process of their own (`pytest -m solr_site`);
- TestSolrStopped: the same Solr site with its Solr stopped for real (solr_site too):
  the catalog answers and the page says the search is in "mode simplifié".
Each class says which backend @recherche must report, so a journey that silently
fell back to the catalog on the Solr site fails.
"""

import json
import re
import time
from urllib.parse import parse_qs
from urllib.parse import urlsplit

import pytest
import requests
from axe_check import run_axe
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from rt.infodoc.search.health import HEALTH
from rt.infodoc.search.results import DEGRADED_NOTICE

pytestmark = pytest.mark.browser

ILLETTRISME_PUBLIC = {
    "Apprendre à lire aux adultes",
    "Illettrisme et emploi",
    "Lutter contre l'illettrisme en Ariège",
    "Rapport régional sur l'illettrisme",
}
OWNER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


# ------------------------------------------------------------------ page helpers


def wait(driver, seconds=15):
    return WebDriverWait(driver, seconds)


def click(driver, element):
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


def leading_number(text):
    match = re.match(r"\s*(\d+)", text)
    assert match, f"no count in {text!r}"
    return int(match.group(1))


def result_titles(driver):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "h3.rt-result-title a")]


def shown_total(driver):
    """The count the page announces ("3 résultats"), checked against the list shown."""
    text = driver.find_element(By.ID, "rt-count").text
    total = 0 if text == "Aucun résultat" else leading_number(text)
    assert total == len(result_titles(driver)), (text, result_titles(driver))
    return total


def facet_link(driver, facet, title):
    links = driver.find_elements(By.CSS_SELECTOR, f"section[aria-labelledby='rt-facet-{facet}'] a")
    for link in links:
        if link.find_element(By.CLASS_NAME, "rt-facet-title").text.startswith(title):
            return link
    raise AssertionError(f"no value {title!r} in facet {facet}: {[a.text for a in links]}")


def pick_facet(driver, facet, title):
    """Follow a facet value; the page then lists as many results as the value counted."""
    link = facet_link(driver, facet, title)
    announced = leading_number(link.find_element(By.CLASS_NAME, "rt-count-badge").text)
    click(driver, link)
    wait(driver).until(EC.staleness_of(link))
    assert shown_total(driver) == announced, (facet, title, announced)
    assert facet_link(driver, facet, title).get_attribute("aria-current") == "true"
    return announced


def remove_chip(driver, label):
    chip = next(
        c for c in driver.find_elements(By.CSS_SELECTOR, "a.rt-chip") if c.text.startswith(label)
    )
    click(driver, chip)
    wait(driver).until(EC.staleness_of(chip))


def chips(driver):
    """The active criteria, as labelled ("Thématiques : ...")."""
    return [
        c.text.split("\n")[0]
        for c in driver.find_elements(By.CSS_SELECTOR, "a.rt-chip:not(.rt-chip-clear)")
    ]


def query_of(url):
    return parse_qs(urlsplit(url).query)


def submit_search(driver, base, text):
    driver.get(f"{base}/recherche")
    box = driver.find_element(By.ID, "rt-q")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)  # no suggestion highlighted: Enter runs the typed words
    wait(driver).until(EC.presence_of_element_located((By.ID, "rt-count")))


def rest_search(driver, base):
    """GET @recherche with the page's own parameters, from the page, anonymously."""
    url = f"{base}/@recherche?{urlsplit(driver.current_url).query}"
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {headers: {Accept: 'application/json'}, credentials: 'omit'})"
        ".then(r => r.json()).then(done, e => done({error: String(e)}));",
        url,
    )


def downloaded(folder, filename, timeout=10):
    target = folder / filename
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if target.exists() and target.stat().st_size:
            return target.read_bytes()
        time.sleep(0.1)
    raise AssertionError(f"{filename} not downloaded: {sorted(p.name for p in folder.iterdir())}")


# ------------------------------------------------------------------ shared tests


class SearchJourney:
    """What a visitor does; `backend` and `degraded` say where the answers come from."""

    backend = None  # "solr" or "catalog", as @recherche reports it
    degraded = False  # the "mode simplifié" notice is shown (collective.solr on, Solr down)

    def assert_backend(self, driver, base):
        """The page and @recherche agree on the results and on who gave them."""
        notices = [
            n.text
            for n in driver.find_elements(By.CSS_SELECTOR, ".rt-results-state > .alert-warning")
        ]
        assert notices == ([DEGRADED_NOTICE] if self.degraded else [])
        assert ("mode simplifié" in driver.page_source) is self.degraded
        data = rest_search(driver, base)
        assert data.get("backend") == self.backend, data
        assert data["degraded_notice"] == (DEGRADED_NOTICE if self.degraded else None)
        assert data["items_total"] == shown_total(driver)
        assert {item["title"] for item in data["items"]} == set(result_titles(driver))

    def test_autocompletion_suggests_public_titles(self, search_site, browser):
        driver = browser
        driver.get(f"{search_site['base']}/recherche")
        box = driver.find_element(By.ID, "rt-q")
        assert box.get_attribute("role") == "combobox"
        box.send_keys("Illettr")
        listbox = wait(driver).until(EC.visibility_of_element_located((By.ID, "rt-q-suggestions")))
        wait(driver).until(lambda d: listbox.find_elements(By.CSS_SELECTOR, "[role=option]"))
        assert box.get_attribute("aria-expanded") == "true"
        options = [o.text for o in listbox.find_elements(By.CSS_SELECTOR, "[role=option]")]
        assert set(options) == {
            "Illettrisme et emploi",
            "Lutter contre l'illettrisme en Ariège",
            "Rapport régional sur l'illettrisme",
        }
        chosen = options.index("Illettrisme et emploi")
        for _ in range(chosen + 1):
            box.send_keys(Keys.ARROW_DOWN)
        assert box.get_attribute("aria-activedescendant") == f"rt-q-option-{chosen}"
        box.send_keys(Keys.ENTER)
        wait(driver).until(EC.presence_of_element_located((By.ID, "rt-count")))
        assert query_of(driver.current_url)["q"] == ["Illettrisme et emploi"]
        assert "Illettrisme et emploi" in result_titles(driver)
        self.assert_backend(driver, search_site["base"])
        # a restricted title is never suggested to an anonymous visitor
        box = driver.find_element(By.ID, "rt-q")
        box.clear()
        box.send_keys("Note conf")
        time.sleep(1)
        assert not driver.find_elements(By.CSS_SELECTOR, "#rt-q-suggestions [role=option]")

    def test_query_two_facets_record_exports_basket(self, search_site, browser, downloads):
        driver, base = browser, search_site["base"]
        submit_search(driver, base, "illettrisme")
        assert set(result_titles(driver)) == ILLETTRISME_PUBLIC
        assert "confidentielle" not in driver.page_source
        self.assert_backend(driver, base)

        # two facets: each count shown is the number of results once it is picked
        assert pick_facet(driver, "themes", "Savoirs de base") == 3
        assert set(result_titles(driver)) == ILLETTRISME_PUBLIC - {
            "Rapport régional sur l'illettrisme"
        }
        assert pick_facet(driver, "document_type", "Ouvrage") == 2
        assert set(result_titles(driver)) == {
            "Illettrisme et emploi",
            "Lutter contre l'illettrisme en Ariège",
        }
        assert query_of(driver.current_url)["f.themes"] == ["savoirs-de-base"]
        assert query_of(driver.current_url)["f.document_type"] == ["ouvrage"]
        assert chips(driver) == [
            "Recherche : « illettrisme »",
            "Thématiques : Savoirs de base et illettrisme",
            "Type de document : Ouvrage",
        ]
        self.assert_backend(driver, base)

        # remove one: the other stays, the results widen again
        remove_chip(driver, "Type de document : Ouvrage")
        assert shown_total(driver) == 3
        assert "f.document_type" not in query_of(driver.current_url)
        assert chips(driver) == [
            "Recherche : « illettrisme »",
            "Thématiques : Savoirs de base et illettrisme",
        ]
        self.assert_backend(driver, base)

        # open a record from the results and download its exports
        click(driver, driver.find_element(By.LINK_TEXT, "Illettrisme et emploi"))
        wait(driver).until(EC.url_contains("/fonds/illettrisme-et-emploi"))
        assert driver.find_element(By.TAG_NAME, "h1").text == "Illettrisme et emploi"
        exports = driver.find_element(By.CSS_SELECTOR, "ul.rt-exports")
        for label in ("RIS", "BibTeX", "UNIMARC (ISO 2709)"):
            click(driver, exports.find_element(By.PARTIAL_LINK_TEXT, label))
        ris = downloaded(downloads, "illettrisme-et-emploi.ris").decode("utf-8")
        assert ris.startswith("TY  - BOOK") and "TI  - Illettrisme et emploi" in ris
        assert "AU  - Durand, Paul" in ris and "PY  - 2019" in ris and "ER  - " in ris
        bibtex = downloaded(downloads, "illettrisme-et-emploi.bib").decode("utf-8")
        assert bibtex.startswith("@book{durand2019")
        assert "title     = {{Illettrisme} et emploi}" in bibtex
        marc = downloaded(downloads, "illettrisme-et-emploi.mrc")
        assert marc.endswith(b"\x1d") and int(marc[:5]) == len(marc)
        assert b"Illettrisme et emploi" in marc and b"Durand" in marc

        # into the basket (JavaScript, cookie), found on /panier, exported from there
        button = driver.find_element(By.CSS_SELECTOR, "button.rt-basket-toggle")
        click(driver, button)
        wait(driver).until(lambda d: button.get_attribute("aria-pressed") == "true")
        assert button.text == "Dans le panier"
        assert driver.find_element(By.CSS_SELECTOR, ".rt-basket-count").text == "1"
        driver.get(f"{base}/panier")
        listed = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "ol.rt-basket-list cite")]
        assert listed == ["Illettrisme et emploi"]
        click(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Tout exporter en RIS"))
        basket_ris = downloaded(downloads, "panier.ris").decode("utf-8")
        assert basket_ris.count("TY  - ") == 1 and "TI  - Illettrisme et emploi" in basket_ris

    def test_anonymous_never_gets_restricted_content(self, search_site):
        """Not in the page, the feeds, the REST API nor the completions; a manager
        does find the record, so it is there to be leaked."""
        base, secret = search_site["base"], search_site["records"]["secret"]
        leaks = ("Note confidentielle", secret.UID(), "/note-reservee")
        channels = [
            ("recherche", {"q": "illettrisme"}),
            ("recherche", {"q": "illettrisme", "f.themes": "savoirs-de-base"}),
            ("@@recherche-atom", {"q": "illettrisme"}),
            ("@@recherche-rss", {"q": "note confidentielle"}),
            ("@@recherche-suggest", {"q": "note conf"}),
            ("@recherche", {"q": "illettrisme"}),
            ("@recherche", {"f.document_type": "ouvrage"}),
            ("@recherche", {"complete": "note conf"}),
        ]
        for view, params in channels:
            headers = {"Accept": "application/json"} if view == "@recherche" else {}
            anonymous = requests.get(f"{base}/{view}", params=params, headers=headers, timeout=30)
            assert anonymous.status_code == 200, (view, params, anonymous.status_code)
            assert not [leak for leak in leaks if leak in anonymous.text], (view, params)
            manager = requests.get(
                f"{base}/{view}", params=params, headers=headers, auth=OWNER, timeout=30
            )
            assert manager.status_code == 200, (view, params)
            assert "Note confidentielle" in manager.text, (view, params)
        data = requests.get(
            f"{base}/@recherche",
            params={"q": "illettrisme"},
            timeout=30,
            headers={"Accept": "application/json"},
        ).json()
        assert data["backend"] == self.backend
        assert {item["title"] for item in data["items"]} == ILLETTRISME_PUBLIC
        facets = {f["name"]: {v["value"]: v["count"] for v in f["values"]} for f in data["facets"]}
        assert facets["themes"]["savoirs-de-base"] == 3  # the restricted record is not counted
        assert secret.Title() not in json.dumps(data, ensure_ascii=False)


class Accessibility:
    @pytest.mark.parametrize("page", ["home", "results", "notice", "basket"])
    def test_axe_no_serious_violations(self, search_site, browser, axe_source, page):
        driver, base, records = browser, search_site["base"], search_site["records"]
        if page == "home":
            driver.get(f"{base}/recherche")
        elif page == "results":
            driver.get(f"{base}/recherche?q=illettrisme&f.themes=savoirs-de-base")
            assert shown_total(driver) == 3
            self.assert_backend(driver, base)
        elif page == "notice":
            driver.get(records["lire"].absolute_url())
        else:
            driver.get(f"{base}/recherche")
            driver.add_cookie(
                {
                    "name": "rt_panier",
                    "path": "/",
                    "value": f"{records['lire'].UID()}.{records['emploi'].UID()}",
                }
            )
            driver.get(f"{base}/panier")
            assert len(driver.find_elements(By.CSS_SELECTOR, "ol.rt-basket-list > li")) == 2
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        violations = run_axe(driver, axe_source, f"{self.backend}-{page}")
        assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


class FrenchRelevance:
    """French analysis, which only Solr has: the catalog matches word prefixes, so
    "illettrés" or "rurales" find nothing there."""

    @pytest.mark.parametrize(
        "typed,expected",
        [
            ("illettrés", ILLETTRISME_PUBLIC),
            ("rurales", {"Lutter contre l'illettrisme en Ariège"}),  # "milieu rural"
            ("egalite femmes hommes", {"Égalité femmes-hommes dans les quartiers"}),
            ("l'égalité", {"Égalité femmes-hommes dans les quartiers"}),
            ("inegalites", {"Égalité femmes-hommes dans les quartiers"}),
        ],
    )
    def test_french_words_find_the_records(self, search_site, browser, typed, expected):
        driver = browser
        submit_search(driver, search_site["base"], typed)
        assert set(result_titles(driver)) == expected
        assert "confidentielle" not in driver.page_source
        self.assert_backend(driver, search_site["base"])

    def test_title_matches_rank_before_summary_matches(self, search_site, browser):
        driver = browser
        submit_search(driver, search_site["base"], "illettrisme")
        titles = result_titles(driver)
        assert set(titles[:3]) == ILLETTRISME_PUBLIC - {"Apprendre à lire aux adultes"}
        assert titles[3] == "Apprendre à lire aux adultes"  # the word is only in its summary
        self.assert_backend(driver, search_site["base"])


# ------------------------------------------------------------------ the backends


class TestWithoutSolr(SearchJourney, Accessibility):
    backend = "catalog"

    @pytest.fixture()
    def search_site(self, catalog_fund):
        return catalog_fund


class TestOnSolr(SearchJourney, Accessibility, FrenchRelevance):
    backend = "solr"

    @pytest.fixture()
    def search_site(self, solr_fund):
        return solr_fund


class TestSolrStopped(SearchJourney):
    """The Solr site while its Solr is stopped: the portal still works, and says so."""

    backend = "catalog"
    degraded = True

    @pytest.fixture()
    def search_site(self, solr_fund):
        solr = solr_fund["solr"]
        solr.stop()
        HEALTH.forget()
        yield solr_fund
        solr.start()
        HEALTH.forget()
