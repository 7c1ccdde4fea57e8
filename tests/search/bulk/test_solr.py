"""The bulk import and a real Solr: same documents as collective.solr, one commit,
searchable at the end, nothing lost when the run dies between commit and post."""

import pytest
import requests
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite

from rt.infodoc.importer.options import ImportOptions
from rt.infodoc.importer.runner import import_file
from rt.infodoc.search.bulk.backlog import solr_pending
from rt.infodoc.search.bulk.solr import DocumentBuilder
from rt.infodoc.search.bulk.solr import SolrPoster
from rt.infodoc.search.bulk.solr import solr_manager
from rt.infodoc.search.bulk.values import IndexValues
from rt.infodoc.search.catchup import pending_count
from rt.infodoc.search.health import HEALTH

from .conftest import DATA


def clear(url):
    requests.post(
        f"{url}/update?commit=true", json={"delete": {"query": "*:*"}}, timeout=60
    ).raise_for_status()


def documents(url):
    response = requests.get(
        f"{url}/select",
        timeout=30,
        params={"q": "*:*", "fq": "portal_type:Notice", "rows": 1000, "wt": "json"},
    )
    response.raise_for_status()
    return {
        doc["UID"]: {k: v for k, v in doc.items() if k != "_version_"}
        for doc in response.json()["response"]["docs"]
    }


@pytest.fixture()
def solr_site(solr_functional):
    portal = solr_functional["portal"]
    url = solr_functional["solr"].url
    setSite(portal)
    login(solr_functional["app"], SITE_OWNER_NAME)
    HEALTH.forget()
    clear(url)
    transaction.commit()
    yield portal, url
    HEALTH.forget()


def test_documents_are_the_ones_collective_solr_sends(solr_site):
    site, url = solr_site
    import_file(site, DATA / "marcjs_bib.mrc", ImportOptions(bulk=False))
    by_collective_solr = documents(url)
    assert len(by_collective_solr) == 6
    clear(url)
    manager = solr_manager()
    builder = DocumentBuilder(manager)
    catalog = site.portal_catalog
    docs = [
        builder.document(IndexValues(b._unrestrictedGetObject(), catalog))
        for b in catalog.unrestrictedSearchResults(portal_type="Notice")
    ]
    poster = SolrPoster(url)
    poster.post(docs)
    poster.commit()
    poster.close()
    by_bulk = documents(url)
    assert sorted(by_bulk) == sorted(by_collective_solr)
    for uid, doc in by_collective_solr.items():
        assert set(by_bulk[uid]) == set(doc), uid
        for name in doc:
            assert by_bulk[uid][name] == doc[name], (uid, name)


def test_a_bulk_import_is_searchable_when_it_ends(solr_site, demo_fund):
    from rt.infodoc.search.engine import search
    from rt.infodoc.search.engine import suggest
    from rt.infodoc.search.query import SearchQuery

    site, url = solr_site
    report = import_file(site, demo_fund, ImportOptions(batch_size=15))
    assert report.created == 40
    assert len(documents(url)) == 40
    assert not solr_pending(site) and pending_count(site) == 0
    last = site["fonds"][report_last_id(site)]
    results = search(site, SearchQuery(text=last.title))
    assert results.backend == "solr"
    assert last.UID() in [item.uid for item in results.items]
    # the title suggester was built by the run's one commit
    prefix = last.title.split()[0][:5]
    assert any(prefix.lower() in t.lower() for t in suggest(site, prefix))


def report_last_id(site):
    ids = list(site["fonds"].objectIds())
    return ids[-1]


class _Crash(Exception):
    pass


def test_killed_between_commit_and_post_the_next_run_sends_them(solr_site, demo_fund, monkeypatch):
    site, url = solr_site
    real_send = SolrPoster.send

    def crash(self, docs, token=None):
        raise _Crash()

    monkeypatch.setattr(SolrPoster, "send", crash)
    with pytest.raises(_Crash):
        import_file(site, demo_fund, ImportOptions(batch_size=15))
    transaction.begin()
    assert len(solr_pending(site)) == 15  # committed with the batch
    assert documents(url) == {}
    monkeypatch.setattr(SolrPoster, "send", real_send)
    report = import_file(site, demo_fund, ImportOptions(batch_size=15))
    assert report.resumed_at == 15 and report.created == 40
    assert len(documents(url)) == 40
    assert not solr_pending(site)
