"""Solr stopped for real: the catalog answers, changes are queued, Solr catches up."""

from dataclasses import replace

import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import logout

from rt.infodoc.search.catchup import pending
from rt.infodoc.search.catchup import pending_count
from rt.infodoc.search.config import core_url
from rt.infodoc.search.engine import search
from rt.infodoc.search.engine import suggest
from rt.infodoc.search.health import HEALTH
from rt.infodoc.search.query import SearchQuery
from rt.infodoc.search.results import DEGRADED_NOTICE

from .conftest import solr_docs


def titles(results):
    return {item.title for item in results.items}


def test_catalog_answers_with_a_notice(solr_down, site):
    results = search(site, SearchQuery(text="illettrisme"))
    assert results.backend == "catalog"
    assert results.degraded_notice == DEGRADED_NOTICE
    assert results.degraded_notice.startswith("La recherche fonctionne en mode simplifié")
    assert {
        "Lutter contre l'illettrisme",
        "Illettrisme : guide pour agir en Occitanie",
        "Note interne sur l'illettrisme des adhérents",
    } <= titles(results)
    assert "<mark>" in results.items[0].snippet or results.items[0].snippet == ""
    assert ["Lutter contre l'illettrisme"] == [t for t in suggest(site, "lutter")]


def test_catalog_fallback_keeps_the_rules(solr_down, site):
    logout()
    results = search(site, SearchQuery(text="illettrisme"))
    assert "Note interne sur l'illettrisme des adhérents" not in titles(results)
    assert titles(search(site, SearchQuery(text="l'école"))) == {"Prévenir le décrochage à l'école"}
    assert titles(search(site, SearchQuery(text="978-2-07-036822-8"))) == {
        "Les adultes illettrés face à l'emploi"
    }
    query = SearchQuery(
        filters={"themes": ["savoirs-de-base"], "document_type": ["rapport", "etude"]}
    )
    results = search(site, query)
    assert results.backend == "catalog" and results.total == 2
    for facet in results.facets:
        for value in facet.values:
            narrowed = replace(query, filters={**query.filters, facet.name: [value.value]})
            assert search(site, narrowed).total == value.count, (facet.name, value)


def test_plone_catalog_and_search_page_still_answer(solr_down, site, solr_functional):
    assert len(api.content.find(SearchableText="illettrisme")) >= 3
    assert len(site.portal_catalog(SearchableText="Égalité")) == 1
    base = f"http://{solr_functional['host']}:{solr_functional['port']}/plone"
    page = requests.get(f"{base}/@@search", params={"SearchableText": "illettrisme"}, timeout=30)
    assert page.status_code == 200
    assert "Lutter contre l" in page.text and "Note interne" not in page.text
    found = requests.get(
        f"{base}/@search",
        params={"SearchableText": "égalité"},
        headers={"Accept": "application/json"},
        timeout=30,
    ).json()
    assert [i["title"] for i in found["items"]] == ["Égalité femmes-hommes dans les quartiers"]


def test_changes_made_while_down_reach_solr_when_it_is_back(solr_down, site, corpus):
    edited, deleted = corpus["ecole"], corpus["egalite"]
    deleted_uid = deleted.UID()
    edited.title = "Prévenir le décrochage scolaire au collège"
    edited.reindexObject()
    api.content.delete(obj=deleted)
    transaction.commit()
    queued = dict(pending(site))
    assert queued[edited.UID()] == ("index", "/plone/fonds/ecole")
    assert queued[deleted_uid] == ("unindex", "/plone/fonds/egalite")
    assert titles(search(site, SearchQuery(text="collège"))) == {
        "Prévenir le décrochage scolaire au collège"
    }  # the catalog has it already

    solr_down.start()
    HEALTH.forget()
    results = search(site, SearchQuery(text="collège"))
    transaction.commit()
    assert results.backend == "solr"
    assert titles(results) == {"Prévenir le décrochage scolaire au collège"}
    assert pending_count(site) == 0
    assert solr_docs(core_url(), q=f'UID:"{deleted_uid}"') == []
    assert search(site, SearchQuery(text="égalité")).total == 0


def test_admin_page_over_http_while_down(solr_down, solr_functional):
    base = f"http://{solr_functional['host']}:{solr_functional['port']}/plone"
    page = requests.get(
        f"{base}/@@search",
        params={"SearchableText": "égalité"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=30,
    )
    assert page.status_code == 200 and "Égalité femmes-hommes" in page.text


def test_wide_facets_of_large_results_count_their_top_values_exactly(solr_down, site, monkeypatch):
    """Above MANY_RECORDS results, authors and descriptors are counted on the
    index's most frequent values: the counts shown are the exact ones."""
    from rt.infodoc.search import catalog_backend

    catalog = site.portal_catalog
    rids = catalog_backend._rids(catalog, catalog_backend.filtered_query(SearchQuery()))
    exact = dict(catalog_backend.count_values(catalog, "authors", rids))
    assert exact == {"Dupont, Jean": 2, "Martin, Anne": 1}
    monkeypatch.setattr(catalog_backend, "FEW_RECORDS", 0)
    monkeypatch.setattr(catalog_backend, "MANY_RECORDS", 0)
    monkeypatch.setattr(catalog_backend, "TOP_VALUES", 1)  # only the most frequent one
    catalog_backend._top.clear()
    assert dict(catalog_backend.count_values(catalog, "authors", rids)) == {"Dupont, Jean": 2}


def test_record_sets_equal_one_catalog_search_per_facet(solr_down, site):
    """The fallback searches the words once and combines each facet's records in
    sets: for every facet left out in turn (the counts' result sets), the same
    records as a full catalog search with the other filters, years included."""
    from rt.infodoc.search import catalog_backend

    logout()
    catalog = site.portal_catalog
    queries = [
        SearchQuery(text="illettrisme"),
        SearchQuery(filters={"themes": ["savoirs-de-base"], "document_type": ["rapport", "etude"]}),
        SearchQuery(text="adultes", filters={"year": ["2000-2009", "2010-2019"]}, year_from=2005),
        SearchQuery(filters={"themes": ["savoirs-de-base"], "year": ["2010-2019"]}, year_to=2012),
        SearchQuery(text="l'école", filters={"document_type": ["rapport", "ouvrage"]}),
    ]
    for query in queries:
        sets = catalog_backend.FilterSets(catalog, query)
        assert len(sets.records()) >= 1, query  # each finds something in the corpus
        for without in (None, *query.filters):
            expected = catalog_backend._rids(
                catalog, catalog_backend.filtered_query(query, without=without)
            )
            assert set(sets.records(without)) == set(expected), (query, without)


def test_sorting_by_date_keeps_the_records_without_a_year(solr_down, site):
    """Solr sorts the records with no year last; the catalog's own sort would drop
    them, so a page sorted by date showed fewer results than its count."""
    logout()
    with api.env.adopt_roles(["Manager"]):
        notice = api.content.create(
            container=site["fonds"], type="Notice", id="sans-annee", title="Illettrisme sans date"
        )
        api.content.transition(obj=notice, to_state="published")
    transaction.commit()
    results = search(site, SearchQuery(text="illettrisme", sort="date"))
    assert results.backend == "catalog"
    titles_in_order = [item.title for item in results.items]
    assert len(titles_in_order) == results.total
    assert titles_in_order[-1] == "Illettrisme sans date"
    years = [item.year for item in results.items[:-1]]
    assert years == sorted(years, reverse=True)
