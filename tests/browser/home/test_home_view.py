"""The home page at the site root (browser/home), over real HTTP as an anonymous
reader: the entrance to the library, its lists, its cache."""

import datetime
import time

import requests
import transaction
from live_sites import french_site
from live_sites import make_notice
from lxml import html
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from pymarc import Field
from pymarc import Record
from pymarc import Subfield

from rt.infodoc.marc.writers import to_iso2709


def _unimarc(title, entered):
    """An ISO 2709 UNIMARC record catalogued on ``entered`` (100$a/0-7)."""
    record = Record(force_utf8=True)
    record.add_field(
        Field(
            tag="100",
            indicators=[" ", " "],
            subfields=[Subfield("a", entered.strftime("%Y%m%d") + "d2010    u  y0frey50      ba")],
        )
    )
    record.add_field(Field(tag="200", indicators=["1", " "], subfields=[Subfield("a", title)]))
    return to_iso2709(record).decode("utf-8")


def _page(url):
    response = requests.get(url, timeout=30)
    assert response.status_code == 200, (url, response.status_code)
    return response, html.fromstring(response.content)


def _section_links(page, heading_id):
    return [
        a.text_content().strip()
        for a in page.xpath(f"//section[@aria-labelledby='{heading_id}']//ul//a")
    ]


def _site(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    return portal, f"http://{functional['host']}:{functional['port']}/plone"


def _fund_in_one_minute(portal):
    """A Notice typed in the portal today, records catalogued lately by their MARC
    date, then old periodicals imported last (the last minute of an import):
    returns the titles expected first, newest first."""
    fonds = portal["fonds"]
    typed = make_notice(fonds, "saisi", "Saisi ce jour dans le portail", year=2026)
    newest = [typed.Title()]
    for days, title in ((1, "Catalogué hier"), (3, "Catalogué il y a trois jours")):
        day = datetime.date.today() - datetime.timedelta(days=days)
        make_notice(
            fonds,
            f"recent-{days}",
            title,
            year=2024,
            marc_record=_unimarc(title, day),
            marc_flavour="unimarc",
        )
        newest.append(title)
    for letter in "abcdef":
        make_notice(
            fonds,
            f"periodique-{letter}",
            f"Revue {letter.upper()} n° 12",
            document_type="periodique",
            year=1995,
            marc_record=_unimarc(f"Revue {letter}", datetime.date(1996, 3, 1)),
            marc_flavour="unimarc",
        )
    return newest


def test_the_site_root_opens_on_the_home_page(functional):
    portal, base = _site(functional)
    assert portal.getLayout() == "accueil"
    assert portal.portal_types["Plone Site"].default_view == "accueil"
    transaction.commit()
    _, page = _page(base)
    form = page.xpath("//form[contains(@class, 'rt-home-search')]")[0]
    assert form.get("action") == f"{base}/recherche"
    box = form.xpath(".//input[@id='rt-q']")[0]
    assert box.get("name") == "q" and box.get("type") == "search"
    assert box.get("data-suggest-url") == f"{base}/@@recherche-suggest"
    assert page.xpath("//label[@for='rt-q']")
    headings = [h.text_content().strip() for h in page.xpath("//h2")]
    for heading in (
        "Explorer par thématique",
        "Dernières acquisitions",
        "Productions et actualités",
        "Prochaines Conf'At'",
        "Dossiers thématiques",
    ):
        assert heading in headings


def test_newest_acquisitions_by_date_of_cataloguing(functional):
    """The defect: sorted on Plone's creation date (kept to the minute), the list
    showed the last minute of an import (old periodicals) in index order."""
    portal, base = _site(functional)
    expected = _fund_in_one_minute(portal)
    transaction.commit()
    _, home = _page(base)
    assert _section_links(home, "rt-h-acquisitions")[:3] == expected
    assert not any(t.startswith("Revue") for t in _section_links(home, "rt-h-acquisitions")[:3])
    # the same list on /recherche before any search
    _, search = _page(f"{base}/recherche")
    assert _section_links(search, "rt-h-acquisitions")[:3] == expected


def test_coming_confat_and_dossiers(functional):
    portal, base = _site(functional)
    confat = portal["conf-at"]
    today = datetime.date.today()
    for id_, title, day in (
        ("passee", "Conf'At' passée", today - datetime.timedelta(days=30)),
        ("prochaine", "Conf'At' de printemps", today + datetime.timedelta(days=20)),
        ("lointaine", "Conf'At' d'automne", today + datetime.timedelta(days=200)),
    ):
        session = api.content.create(container=confat, type="ConfAt", id=id_, title=title, date=day)
        api.content.transition(obj=session, to_state="published")
    dossier = api.content.create(
        container=portal["dossiers"], type="DossierThematique", id="d", title="Dossier parentalité"
    )
    api.content.transition(obj=dossier, to_state="published")
    transaction.commit()
    _, page = _page(base)
    assert _section_links(page, "rt-h-confat") == ["Conf'At' de printemps", "Conf'At' d'automne"]
    assert "Dossier parentalité" in _section_links(page, "rt-h-dossiers")


def test_anonymous_readers_get_the_page_kept_for_a_minute(functional):
    portal, base = _site(functional)
    transaction.commit()
    requests.get(base, timeout=30)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        response = requests.get(base, timeout=30)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/html")
        assert "Explorer par thématique" in response.text
    # a record published since is there at once: the catalog's counter is in the key
    make_notice(portal["fonds"], "nouveau", "Une toute nouvelle notice", year=2026)
    transaction.commit()
    assert "Une toute nouvelle notice" in requests.get(base, timeout=30).text
    assert sorted(timings)[2] < 1.0, timings


def test_dates_of_the_home_page_read_as_french_dates():
    from DateTime import DateTime

    from rt.infodoc.browser.home.view import _french_date

    assert _french_date(DateTime("2027/03/01 14:00 GMT+1")) == "1er mars 2027"
    assert _french_date(DateTime("2027/02/03 09:30 GMT+1")) == "3 février 2027"
    assert _french_date(None) == ""
