"""The site `make run` builds, as a reader finds it.

The same steps as `make site`: scripts/create-site (the demo content of the two
activity reports) then scripts/import-marc of a demo fund, on a real ZEO and a
real Solr; then a Zope served by runwsgi, read over HTTP by an anonymous reader.
"""

import json
import os
import sys
import time

import pytest
import requests
from live_servers import REPO
from live_servers import Zeo
from live_servers import free_port
from live_servers import listening
from live_servers import serve
from lxml import html
from public_pages import crawl

from rt.infodoc.testing import SolrProcess

DATA = REPO / "src" / "rt" / "infodoc" / "demo" / "data"


def _demo(name):
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    solr = SolrProcess()
    solr.start()
    zeo = Zeo(var, free_port())
    zeo.env.update(SOLR_HOST="127.0.0.1", SOLR_PORT=str(solr.port), SOLR_BASE="/solr/plone")
    zope = None
    try:
        zeo.render_instance()
        zeo.start()
        zeo.env["RT_INFODOC_CONF"] = str(zeo.conf)
        zeo.run(str(REPO / "scripts" / "create-site"))
        fund = var / "fund.mrc"
        zeo.run(
            sys.executable, str(REPO / "scripts" / "make-demo-fund"), "--count", "300", str(fund)
        )
        imported = zeo.import_marc(str(fund))
        assert imported.returncode == 0, imported.stdout[-2000:] + imported.stderr[-2000:]
        loans = zeo.run(sys.executable, str(REPO / "scripts" / "demo-circulation"), check=False)
        assert loans.returncode == 0, loans.stdout[-2000:] + loans.stderr[-2000:]
        imported_at = time.time()
        port = free_port()
        zope = serve(zeo, port)
        listening(port, zope)
        # the search shows what became effective before the current minute (Solr
        # filter cache): a reader of `make run` opens the page later than this test
        time.sleep(max(0.0, 60.5 - imported_at % 60))
        yield f"http://127.0.0.1:{port}/Plone"
    finally:
        if zope is not None:
            os.killpg(zope.pid, 15)
            zope.wait(timeout=60)
        zeo.stop()
        solr.stop()
        solr.remove()


def _get(url, **params):
    response = requests.get(url, params=params, timeout=60)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _recherche(base, **params):
    return requests.get(
        f"{base}/@recherche", params=params, timeout=60, headers={"Accept": "application/json"}
    ).json()


def test_the_home_page_is_french(demo_site):
    page = _get(demo_site).text
    assert 'lang="fr"' in page
    assert "Ressources &amp; Territoires" in page or "Ressources & Territoires" in page


def test_the_fund_and_the_productions_are_searchable_on_solr(demo_site):
    everything = _recherche(demo_site)
    assert everything["backend"] == "solr"
    fiches, confat = _demo("fiches_experiences"), _demo("confat")
    kinds = {
        v["value"]: v["count"]
        for facet in everything["facets"]
        if facet["name"] == "production_kind"
        for v in facet["values"]
    }
    assert kinds.get("fiche-experience") == len(fiches)
    assert everything["items_total"] >= 300 + len(fiches) + len(confat)
    fiche = fiches[0]
    found = _recherche(demo_site, q=fiche["title"])
    assert fiche["title"] in [item["title"] for item in found["items"]]


def test_a_reader_sees_a_fiche_a_dossier_and_the_relay_sites(demo_site):
    fiche = _demo("fiches_experiences")[0]
    page = _get(f"{demo_site}/fiches-experiences/{fiche['id']}").text
    assert fiche["title"].split(",")[0] in page.replace("&#x27;", "'").replace("&#39;", "'")
    public = [d for d in _demo("dossiers") if not d.get("private")][0]
    assert public["title"] in _get(f"{demo_site}/dossiers/{public['id']}").text
    relays = {
        v["value"]
        for facet in _recherche(demo_site)["facets"]
        if facet["name"] == "relay_sites"
        for v in facet["values"]
    }
    assert {"foix", "albi"} <= relays


def test_the_private_network_dossier_stays_hidden(demo_site):
    private = [d for d in _demo("dossiers") if d.get("private")][0]
    response = requests.get(
        f"{demo_site}/dossiers/{private['id']}", timeout=60, allow_redirects=False
    )
    assert response.status_code in (302, 401, 403, 404)
    found = _recherche(demo_site, q=private["title"])
    assert private["title"] not in [item["title"] for item in found["items"]]


def test_no_public_page_shows_plone_english_or_raw_values(demo_site):
    """Every public page a reader reaches from the home page (its links, a few
    items of each section): no "Powered by Plone", no bytes shown as text (b'…'),
    no JSON escapes (\\u00…), no English label (public_pages.ENGLISH). Read at
    "localhost", as a reader's browser names the site: Plone never themes pages
    asked at 127.0.0.1 (IThemeSettings.hostnameBlacklist)."""
    report = crawl(demo_site.replace("127.0.0.1", "localhost"), limit=70)
    assert len(report) >= 30, sorted(report)
    found = {url: words for url, words in report.items() if words}
    assert found == {}, found


def test_the_fund_entry_and_the_header_search_lead_to_the_documentary_search(demo_site):
    demo_site = demo_site.replace("127.0.0.1", "localhost")  # themed (see above)
    home = html.fromstring(_get(demo_site).content)
    entry = [a for a in home.xpath("//nav//a") if a.text_content().strip() == "Fonds documentaire"]
    assert entry, "no Fonds documentaire entry in the navigation"
    response = requests.get(entry[0].get("href"), timeout=60)
    assert response.url == f"{demo_site}/recherche"
    header = home.xpath("//div[@id='portal-searchbox']//form")[0]
    assert header.get("action") == f"{demo_site}/recherche"
    found = requests.get(header.get("action"), params={"q": "illettrisme"}, timeout=60)
    assert 'id="rt-count"' in found.text


def test_the_figures_page_shows_a_year_of_demo_loans(demo_site):
    """make site plays a year of loans and visits in the scale of the 2011 report
    (206 first visits, 410 visits, 977 loans), drawn as six charts."""
    auth = ("admin", "admin")
    page = requests.get(f"{demo_site}/@@chiffres-circulation", auth=auth, timeout=60)
    assert page.status_code == 200
    assert page.text.count('src="data:image/svg+xml;base64,') == 6
    csv = requests.get(f"{demo_site}/@@chiffres-circulation.csv", auth=auth, timeout=60)
    totals = {}
    for line in csv.content.decode("utf-8-sig").splitlines()[1:]:
        _year, _month, activity, axis, _value, count = line.split(";")
        if axis == "Total":
            totals[activity] = totals.get(activity, 0) + int(count)
    assert totals["Premiers accueils"] == 206 and totals["Visites"] == 410
    assert 950 <= totals["Prêts"] <= 977 and 800 <= totals["Retours"] < totals["Prêts"]


_BAD = (
    "\\u00",
    "[{",
    "Related Items",
    "Nom court",
    "Contrôle de version",
    "Aucune image",
    "Aucun fichier",
)


def _production_paths():
    paths = ["fiches-experiences", "conf-at", "veille"]
    paths += [f"dossiers/{d['id']}" for d in _demo("dossiers") if not d.get("private")]
    paths += [f"fiches-experiences/{f['id']}" for f in _demo("fiches_experiences")]
    paths += [f"conf-at/{c['id']}" for c in _demo("confat")]
    paths += [f"veille/{n['id']}" for n in _demo("news")]
    paths += [f"mallettes/{m['id']}" for m in _demo("mallettes")]
    for panorama in _demo("panoramas"):
        paths.append(f"panoramas/{panorama['id']}")
        paths += [f"panoramas/{panorama['id']}/{i['id']}" for i in panorama.get("items", [])]
    for periodical in _demo("periodicals"):
        paths.append(f"periodiques/{periodical['id']}")
        paths += [f"periodiques/{periodical['id']}/{i['id']}" for i in periodical.get("issues", [])]
    return paths


def test_no_production_page_shows_json_internal_fields_or_empty_labels(demo_site):
    from lxml import html

    for path in _production_paths():
        response = _get(f"{demo_site}/{path}")
        text = response.text
        for bad in _BAD:
            assert bad not in text, (path, bad)
        main = html.fromstring(response.content).xpath(
            "//*[contains(concat(' ', @class, ' '), ' rt-prod ')]"
        ) or [None]
        assert main[0] is not None, (path, "not the production page")
        for dt in main[0].xpath(".//dt"):
            dd = dt.getnext()
            assert dt.text_content().strip() and dd is not None, (path, "empty label")
            assert dd.text_content().strip(), (path, dt.text_content().strip())
