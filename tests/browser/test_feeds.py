"""Atom and RSS feeds of a search: valid XML, the page's results, never restricted ones."""

import requests
from lxml import etree
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(url, auth=None, **params):
    response = requests.get(url, params=params, auth=auth, timeout=30)
    assert response.status_code == 200
    return response, etree.fromstring(response.content)


def test_atom_feed_of_a_search(live_fund):
    response, feed = _feed(f"{live_fund['base']}/@@recherche-atom", q="illettrisme")
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    assert feed.tag == f"{ATOM}feed"
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert "Apprendre à lire aux adultes" in titles
    assert not any("confidentielle" in t for t in titles)
    assert b"confidentielle" not in response.content
    link = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert link == f"{live_fund['base']}/recherche?q=illettrisme&sort=date"
    entry = next(
        e
        for e in feed.iter(f"{ATOM}entry")
        if e.findtext(f"{ATOM}title") == "Apprendre à lire aux adultes"
    )
    assert entry.find(f"{ATOM}link").get("href") == live_fund["lire"].absolute_url()
    assert [a.findtext(f"{ATOM}name") for a in entry.iter(f"{ATOM}author")] == [
        "Martin, Sophie",
        "CRIA 31",
    ]


def test_rss_feed_same_filter_and_restriction(live_fund):
    response, rss = _feed(f"{live_fund['base']}/@@recherche-rss", q="illettrisme")
    assert response.headers["Content-Type"].startswith("application/rss+xml")
    assert rss.get("version") == "2.0"
    titles = rss.xpath("//item/title/text()")
    assert "Apprendre à lire aux adultes" in titles
    assert b"confidentielle" not in response.content
    _response, manager = _feed(
        f"{live_fund['base']}/@@recherche-rss",
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        q="illettrisme",
    )
    assert "Note confidentielle sur l'illettrisme" in manager.xpath("//item/title/text()")


def test_feed_respects_facets(live_fund):
    _response, rss = _feed(f"{live_fund['base']}/@@recherche-rss", **{"f.document_type": "rapport"})
    assert rss.xpath("//item/title/text()") == ["Rapport sur les quartiers prioritaires"]


def test_suggest_json(live_fund):
    response = requests.get(
        f"{live_fund['base']}/@@recherche-suggest", params={"q": "appren"}, timeout=30
    )
    assert response.headers["Content-Type"].startswith("application/json")
    assert "Apprendre à lire aux adultes" in response.json()["suggestions"]
    hidden = requests.get(
        f"{live_fund['base']}/@@recherche-suggest", params={"q": "note conf"}, timeout=30
    ).json()
    assert hidden["suggestions"] == []
    manager = requests.get(
        f"{live_fund['base']}/@@recherche-suggest",
        params={"q": "note conf"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=30,
    ).json()
    assert manager["suggestions"] == ["Note confidentielle sur l'illettrisme"]
    assert (
        requests.get(
            f"{live_fund['base']}/@@recherche-suggest", params={"q": "a"}, timeout=30
        ).json()["suggestions"]
        == []
    )


def test_feed_descriptions_say_one_result_or_several(live_fund):
    base = live_fund["base"]
    _response, one = _feed(f"{base}/@@recherche-rss", q="quartiers")
    assert one.xpath("string(//channel/description)") == "1 résultat."
    _response, two = _feed(f"{base}/@@recherche-rss", **{"f.production_kind": "notice"})
    assert two.xpath("string(//channel/description)") == "2 résultats."
    _response, none = _feed(f"{base}/@@recherche-rss", q="zzxqwvbnm")
    assert none.xpath("string(//channel/description)") == "Aucun résultat."
    _response, site = _feed(f"{base}/rss.xml")
    assert site.xpath("string(//channel/description)") == "Les 2 dernières acquisitions du fonds."
    assert "(s)" not in _response.text
