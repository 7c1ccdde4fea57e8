"""The HTTP side of the Solr search: kept-alive connections, Solr stopping under them."""

from urllib.parse import urlencode

from plone.app.testing import logout

from rt.infodoc.search.engine import search
from rt.infodoc.search.health import HEALTH
from rt.infodoc.search.query import SearchQuery
from rt.infodoc.search.solr_backend import form_body


def test_form_body_is_the_urlencoded_form():
    params = [
        ("q", "l'école & les savoirs = 100%"),
        ("fq", '{!tag=themes}(themes:"a b")'),
        ("rows", 20),
    ]
    assert form_body(params) == urlencode(params)
    assert form_body(params) == form_body(list(params))


def test_a_kept_alive_connection_survives_a_solr_restart(solr_functional, corpus, site):
    logout()
    assert search(site, SearchQuery(text="illettrisme")).total == 3
    solr = solr_functional["solr"]
    solr.stop()
    solr.start()
    HEALTH.forget()
    results = search(site, SearchQuery(text="illettrisme"))
    assert results.backend == "solr" and results.total == 3


def test_solr_stopping_between_two_health_checks_gives_the_catalog(solr_functional, corpus, site):
    logout()
    assert search(site, SearchQuery(text="illettrisme")).backend == "solr"
    solr = solr_functional["solr"]
    solr.stop()
    try:
        # the health check still says "up": the search itself finds Solr gone
        results = search(site, SearchQuery(text="illettrisme"))
        assert results.backend == "catalog" and results.degraded_notice
        assert "Lutter contre l'illettrisme" in {item.title for item in results.items}
        assert not HEALTH.is_up(solr.url)
    finally:
        solr.start()
        HEALTH.forget()
    assert search(site, SearchQuery(text="illettrisme")).backend == "solr"
