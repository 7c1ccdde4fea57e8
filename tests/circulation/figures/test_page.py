"""@@chiffres-circulation over HTTP: counters fed by the desk's events, charts with
their tables, CSV export, documentalistes only, and drawn fast over ten years."""

import csv
import datetime
import io
import time

import pytest
import requests
import transaction

from circulation import sitedesk
from rt.infodoc.circulation.figures import store
from rt.infodoc.circulation.figures.counters import Activity
from rt.infodoc.circulation.figures.counters import tally


@pytest.fixture()
def site(functional):
    portal = sitedesk.site(functional)
    sitedesk.user("doc", "documentalistes")
    sitedesk.user("lecteur")
    base = f"http://{functional['host']}:{functional['port']}/plone"
    return portal, base


def _lend_and_return(portal):
    notice = sitedesk.notice(
        portal, "illettrisme", "La France de l'illettrisme", ("savoirs-de-base",)
    )
    sitedesk.copy(portal, notice, "RT0001")
    sitedesk.copy(portal, notice, "RT0002", site="foix")
    sitedesk.borrower(portal, "L1", "Martin Anne", category="adherent")
    sitedesk.borrower(portal, "L2", "Ariège Alpha", category="relais", kind="structure")
    desk = sitedesk.desk(portal, datetime.datetime(2011, 3, 8, 10, 0))
    desk.lend("RT0001", "L1", site="toulouse")
    desk.lend("RT0002", "L2", site="foix")
    desk.record_visit(site="toulouse", card="L1", first=True)
    desk.record_visit(site="toulouse")
    desk.clock.when = datetime.datetime(2011, 4, 2, 11, 0)
    desk.give_back("RT0001", site="toulouse")
    transaction.commit()


def test_the_desk_events_feed_the_page_and_the_csv(site):
    portal, base = site
    _lend_and_return(portal)
    auth = ("doc", sitedesk.PASSWORD)
    page = requests.get(f"{base}/@@chiffres-circulation?annee=2011", auth=auth, timeout=30)
    assert page.status_code == 200
    html = page.text
    assert "Chiffres de la circulation" in html
    assert "Mois par mois en 2011" in html
    assert html.count('src="data:image/svg+xml;base64,') >= 5  # a chart per section
    assert "Les chiffres sont dans le tableau qui suit" in html  # the charts' text
    # March: 1 first visit, 2 visits, 2 loans; April: 1 return
    assert '<th scope="row">mars</th>' in html
    assert "Savoirs de base et illettrisme" in html  # themes by their French titles
    assert "Foix" in html and "Adhérent" in html  # sites and categories by their titles

    exported = requests.get(f"{base}/@@chiffres-circulation.csv", auth=auth, timeout=30)
    assert exported.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Année", "Mois", "Activité", "Axe", "Valeur", "Nombre"]
    totals = {(r[1], r[2]): r[5] for r in rows[1:] if r[3] == "Total"}
    assert totals == {
        ("mars", "Prêts"): "2",
        ("mars", "Visites"): "2",
        ("mars", "Premiers accueils"): "1",
        ("avril", "Retours"): "1",
    }
    assert ["2011", "mars", "Prêts", "site", "Foix", "1"] in rows


def test_readers_and_anonymous_do_not_see_the_figures(site):
    _portal, base = site
    transaction.commit()
    for auth in (None, ("lecteur", sitedesk.PASSWORD)):
        for view in ("@@chiffres-circulation", "@@chiffres-circulation.csv"):
            answer = requests.get(f"{base}/{view}", auth=auth, timeout=30, allow_redirects=False)
            assert answer.status_code in (302, 401, 403), (view, auth, answer.status_code)
            assert "Premiers accueils" not in answer.text


def test_an_unknown_year_says_so_in_french(site):
    portal, base = site
    _lend_and_return(portal)
    page = requests.get(
        f"{base}/@@chiffres-circulation?annee=abc", auth=("doc", sitedesk.PASSWORD), timeout=30
    )
    assert page.status_code == 200
    assert "Aucun chiffre pour l'année « abc » : voici 2011." in page.text


def test_the_page_draws_ten_years_of_loans_in_under_a_second(site):
    """100,000 loans and returns over ten years, as counted by the events."""
    portal, base = site
    sites = ("toulouse", "foix", "rodez", "auch", "albi", "tarbes", "cahors", "montauban")
    records = []
    for i in range(100_000):
        day = datetime.date(2016 + i % 10, 1 + i % 12, 1 + i % 28)
        args = (sites[i % 8], (("sante", "habitat", "jeunesse")[i % 3],), "ouvrage", "usager")
        records += [Activity("pret", day, *args), Activity("retour", day, *args)]
    store.replace(portal, tally(records))
    transaction.commit()
    auth = ("doc", sitedesk.PASSWORD)
    requests.get(f"{base}/@@chiffres-circulation", auth=auth, timeout=30)  # warm
    started = time.perf_counter()
    page = requests.get(f"{base}/@@chiffres-circulation", auth=auth, timeout=30)
    elapsed = time.perf_counter() - started
    assert page.status_code == 200 and "Mois par mois en 2025" in page.text
    assert elapsed < 1.0, f"figures page: {elapsed:.2f} s"
