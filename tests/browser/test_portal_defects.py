"""Defects a new reader met (#12), each with the page or file that showed it: the year
of a dossier exported from the basket, a page past the last one, the site-wide feeds
and the dates of a search feed's entries."""

import datetime

import requests
import transaction
from DateTime import DateTime
from lxml import etree
from lxml import html

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def test_dossier_exported_from_the_basket_gets_its_own_year(live_fund):
    year = datetime.date.today().year  # created (and published) by the fixture today
    cookie = live_fund["dossier"].UID()
    for fmt, expected in (("ris", f"PY  - {year}"), ("bibtex", f"year  = {{{year}}}")):
        response = requests.get(
            f"{live_fund['base']}/@@panier-export",
            params={"format": fmt},
            cookies={"rt_panier": cookie},
            timeout=30,
        )
        assert response.status_code == 200
        assert expected in response.text and "1969" not in response.text


def test_a_page_past_the_last_one_says_so_in_french(live_fund):
    response = requests.get(
        f"{live_fund['base']}/recherche", params={"q": "illettrisme", "page": "999"}, timeout=30
    )
    assert response.status_code == 200
    page = html.fromstring(response.content)
    count = page.xpath("string(//p[@id='rt-count'])")
    assert "affichés de" not in count and "aucun sur cette page" in count
    notice = page.xpath("//*[@id='rt-out-of-range']")[0]
    text = " ".join(notice.text_content().split())
    assert text.startswith("La page 999 n'existe pas : cette recherche tient en une page.")
    assert notice.xpath("string(.//a/@href)").endswith("/recherche?q=illettrisme")


def test_site_feed_links_are_titled_in_french(live_fund):
    page = html.fromstring(requests.get(f"{live_fund['base']}/", timeout=30).content)
    links = page.xpath("//head/link[@rel='alternate' and @type]")
    titles = [link.get("title") for link in links if "xml" in link.get("type")]
    assert titles, "no feed link in the portal's head"
    assert all("b'" not in title and "nouvelles acquisitions" in title for title in titles)
    types = {link.get("href").rsplit("/", 1)[-1]: link.get("type") for link in links}
    assert types["atom.xml"] == "application/atom+xml"
    assert types["rss.xml"] == "application/rss+xml"


def test_site_wide_feeds_list_the_newest_records(live_fund):
    base = live_fund["base"]
    atom = etree.fromstring(requests.get(f"{base}/atom.xml", timeout=30).content)
    assert atom.xpath("string(a:title)", namespaces=ATOM).endswith("— nouvelles acquisitions")
    titles = atom.xpath("a:entry/a:title/text()", namespaces=ATOM)
    assert "Rapport sur les quartiers prioritaires" in titles
    assert "Dossier illettrisme" not in titles  # the fund's acquisitions only
    assert "Note confidentielle sur l'illettrisme" not in titles  # restricted
    for name in ("rss.xml", "RSS"):
        response = requests.get(f"{base}/{name}", timeout=30)
        assert response.headers["Content-Type"].startswith("application/rss+xml")
        rss = etree.fromstring(response.content)
        assert "Rapport sur les quartiers prioritaires" in rss.xpath("//item/title/text()")


def test_search_feed_entries_are_dated_by_the_record(live_fund):
    rapport = live_fund["rapport"]
    rapport.setModificationDate(DateTime("2021-03-04T10:20:30+00:00"))
    rapport.reindexObject(idxs=["modified"])  # [] would set it to now
    transaction.commit()
    atom = etree.fromstring(
        requests.get(
            f"{live_fund['base']}/@@recherche-atom", params={"q": "quartiers"}, timeout=30
        ).content
    )
    (entry,) = atom.xpath("a:entry", namespaces=ATOM)
    assert entry.xpath("string(a:updated)", namespaces=ATOM) == "2021-03-04T10:20:30+00:00"
    # the feed changed when its newest entry did, not at the time of the request
    assert atom.xpath("string(a:updated)", namespaces=ATOM) == "2021-03-04T10:20:30+00:00"
    rss = etree.fromstring(
        requests.get(
            f"{live_fund['base']}/@@recherche-rss", params={"q": "quartiers"}, timeout=30
        ).content
    )
    assert rss.xpath("string(//item/pubDate)") == "Thu, 04 Mar 2021 10:20:30 +0000"
