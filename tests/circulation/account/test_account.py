"""Mon compte over HTTP: a member linked to a borrower card sees their loans and
reservations, renews and reserves online (account page and Notice page), and
reads French refusals; nothing is written on a refusal."""

import datetime
import re

import pytest
import requests
import transaction

from circulation import sitedesk
from rt.infodoc.circulation.store import get_store

TODAY = datetime.datetime.now().replace(microsecond=0)


@pytest.fixture()
def site(functional):
    portal = sitedesk.site(functional)
    sitedesk.user("lecteur")
    sitedesk.user("sanscarte")
    one = sitedesk.notice(portal, "illettrisme", "La France de l'illettrisme")
    two = sitedesk.notice(portal, "guide", "Guide des savoirs de base")
    sitedesk.copy(portal, one, "RT0001")
    sitedesk.copy(portal, two, "RT0002")
    sitedesk.borrower(portal, "L1", "Martin Anne", category="usager", member_id="lecteur")
    sitedesk.borrower(portal, "L2", "Vidal Jérôme", category="usager")
    desk = sitedesk.desk(portal, TODAY - datetime.timedelta(days=3))
    desk.lend("RT0001", "L1")
    desk.lend("RT0002", "L2")  # the guide is out: Anne may reserve it
    transaction.commit()
    return portal, f"http://{functional['host']}:{functional['port']}/plone", one, two


def _session(user):
    session = requests.Session()
    session.auth = (user, sitedesk.PASSWORD)
    return session


def _token(html):
    return re.search(r'name="_authenticator"[^>]*?value="([^"]+)"', html).group(1)


def test_the_member_sees_and_renews_their_loan(site):
    portal, base, _one, _two = site
    session = _session("lecteur")
    home = session.get(base, timeout=30)
    assert f'href="{base}/@@mon-compte"' in home.text  # in the member's personal menu
    page = session.get(f"{base}/@@mon-compte", timeout=30)
    assert page.status_code == 200
    assert "Mes prêts" in page.text and "illettrisme</a>" in page.text
    due = get_store(portal).loan("RT0001").due
    answer = session.post(
        f"{base}/@@mon-compte",
        data={"_authenticator": _token(page.text), "renouveler": "RT0001"},
        timeout=30,
    )
    assert answer.status_code == 200
    assert "Prêt prolongé : à rendre le" in answer.text
    transaction.begin()
    loan = get_store(portal).loan("RT0001")
    assert loan.renewals == 1 and loan.due > due
    # an usager renews once: the second time is refused, in French, nothing written
    again = session.post(
        f"{base}/@@mon-compte",
        data={"_authenticator": _token(answer.text), "renouveler": "RT0001"},
        timeout=30,
    )
    assert again.status_code == 200
    assert 'role="alert"' in again.text and "prolong" in again.text.lower()
    transaction.begin()
    assert get_store(portal).loan("RT0001").renewals == 1


def test_someone_elses_loan_cannot_be_renewed_from_mon_compte(site):
    portal, base, _one, _two = site
    session = _session("lecteur")
    page = session.get(f"{base}/@@mon-compte", timeout=30)
    answer = session.post(
        f"{base}/@@mon-compte",
        data={"_authenticator": _token(page.text), "renouveler": "RT0002"},
        timeout=30,
    )
    assert answer.status_code == 200 and 'role="alert"' in answer.text
    transaction.begin()
    assert get_store(portal).loan("RT0002").renewals == 0


def test_reserve_from_the_notice_page_then_cancel_from_mon_compte(site):
    portal, base, _one, two = site
    session = _session("lecteur")
    notice = session.get(two.absolute_url().replace("http://nohost/plone", base), timeout=30)
    assert "Emprunter ce document" in notice.text and "Lieu de retrait" in notice.text
    answer = session.post(
        f"{base}/guide/@@reserver",
        data={"_authenticator": _token(notice.text), "retrait": "foix", "reserver": "1"},
        timeout=30,
    )
    assert answer.status_code == 200
    assert "Réservation enregistrée" in answer.text
    transaction.begin()
    mine = get_store(portal).reservations_of("L1")
    assert [(r.uid, r.pickup_site) for r in mine] == [(two.UID(), "foix")]
    account = session.get(f"{base}/@@mon-compte", timeout=30)
    assert "Mes réservations" in account.text and "Guide des savoirs de base" in account.text
    assert "Foix" in account.text and "en attente (rang 1)" in account.text
    # reserving it again is refused in French
    again = session.post(
        f"{base}/guide/@@reserver",
        data={"_authenticator": _token(account.text), "retrait": "foix", "reserver": "1"},
        timeout=30,
    )
    assert "Réservation enregistrée" not in again.text
    transaction.begin()
    assert len(get_store(portal).reservations_of("L1")) == 1
    cancelled = session.post(
        f"{base}/@@mon-compte",
        data={"_authenticator": _token(account.text), "annuler": str(mine[0].id)},
        timeout=30,
    )
    assert "Réservation annulée." in cancelled.text
    transaction.begin()
    assert get_store(portal).reservations_of("L1") == []


def test_a_member_without_a_card_and_anonymous(site):
    _portal, base, _one, _two = site
    page = _session("sanscarte").get(f"{base}/@@mon-compte", timeout=30)
    assert page.status_code == 200
    assert "relié à aucune carte d'emprunteur" in page.text
    notice = _session("sanscarte").get(f"{base}/guide", timeout=30)
    assert "Emprunter ce document" not in notice.text
    anonymous = requests.get(f"{base}/@@mon-compte", timeout=30, allow_redirects=False)
    assert anonymous.status_code in (302, 401)
    assert "Emprunter ce document" not in requests.get(f"{base}/guide", timeout=30).text
