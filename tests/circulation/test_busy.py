"""A write conflict that outlives Zope's retries is a French 503, never a 500,
and nothing of the request is written.

The conflicts are real: while the request lends a copy, another connection to
the same database writes that copy's record and commits, at every attempt (a
desk elsewhere editing the copy at that very moment, four times running). The
request's commit is refused each time (a Copy has no conflict resolution),
Zope retries three times, then the exception view answers.
"""

import re
from datetime import date

import pytest
import requests
import transaction
from plone import api
from zope.component import getGlobalSiteManager

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.interfaces import ILoanEvent
from rt.infodoc.circulation.store import get_store

PASSWORD = "secret-Doc-2026"
DOC = ("doc", PASSWORD)
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
BUSY = "Le service est momentanément occupé, réessayez."


@pytest.fixture()
def site(functional):
    portal = functional["portal"]
    api.user.create(email="doc@example.org", username="doc", password=PASSWORD, roles=("Member",))
    api.user.grant_roles(username="doc", roles=["Documentaliste"])
    with api.env.adopt_roles(["Manager"]):
        notice = api.content.create(
            container=portal["fonds"],
            type="Notice",
            id="disputee",
            title="Notice disputée",
            document_type="ouvrage",
            items=[{"barcode": "RT700001", "call_number": "374 DIS"}],
        )
        store = get_store(portal, create=True)
        card = borrowers.add_borrower(store, name="Dupont Marie", expires=date(2099, 1, 1)).id
    transaction.commit()
    attempts = []

    def meanwhile(event):
        """Another connection writes the copy being lent, and commits first."""
        attempts.append(event.copy.barcode)
        db = event.copy._p_jar.db()
        manager = transaction.TransactionManager()
        other = db.open(manager)
        try:
            other.get(event.copy._p_oid).notes = f"modifié ailleurs ({len(attempts)})"
            manager.commit()
        finally:
            other.close()

    gsm = getGlobalSiteManager()
    gsm.registerHandler(meanwhile, (ILoanEvent,))
    base = f"http://{functional['host']}:{functional['port']}/plone"
    yield {"base": base, "portal": portal, "card": card, "uid": notice.UID(), "attempts": attempts}
    gsm.unregisterHandler(meanwhile, (ILoanEvent,))


def nothing_written(site):
    transaction.begin()
    store = get_store(site["portal"])
    return (
        not store.loans
        and not len(store.history)
        and store.copy("RT700001").status == "disponible"
        and not store.loans_of(site["card"])
    )


def test_rest_answers_a_french_503_in_json(site):
    answer = requests.post(
        f"{site['base']}/@pret",
        json={"barcode": "RT700001", "card": site["card"]},
        headers=JSON,
        auth=DOC,
        timeout=60,
    )
    assert answer.status_code == 503, answer.text
    assert answer.headers["Retry-After"] == "2"
    assert answer.headers["Content-Type"].startswith("application/json")
    error = answer.json()["error"]
    assert error["message"] == BUSY and error["codes"] == ["service_busy"]
    assert "Traceback" not in answer.text and "ConflictError" not in answer.text
    assert len(site["attempts"]) == 4  # the request and Zope's three retries
    assert nothing_written(site)


def test_desk_page_answers_a_french_503_page(site):
    session = requests.Session()
    session.auth = DOC
    page = session.get(f"{site['base']}/@@pret", params={"lecteur": site["card"]}, timeout=60)
    token = re.search(r'name="_authenticator"[^>]*?value="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{site['base']}/@@pret",
        data={
            "_authenticator": token,
            "action": "preter",
            "lecteur": site["card"],
            "exemplaire": "RT700001",
        },
        timeout=60,
    )
    assert answer.status_code == 503
    assert answer.headers["Content-Type"].startswith("text/html")
    assert '<html lang="fr">' in answer.text
    assert "Service momentanément occupé" in answer.text and BUSY in answer.text
    assert "Traceback" not in answer.text and "ConflictError" not in answer.text
    assert nothing_written(site)
