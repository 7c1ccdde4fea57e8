"""A loan and a return change the availability the search shows (Solr), within a
second of the desk's answer: results, facet and the Notice page."""

import time
from datetime import date

import pytest
import requests
import transaction
from live_sites import indexed_in_solr
from live_sites import make_notice
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.store import get_store
from rt.infodoc.search.health import HEALTH

MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
JSON = {"Accept": "application/json"}


def publish(layer):
    portal = layer["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    notice = make_notice(
        portal["fonds"],
        "alphabetisation",
        "Alphabétisation des adultes migrants",
        document_type="ouvrage",
        items=[{"barcode": "RTS0001", "call_number": "374 ALP", "status": "Empruntable"}],
    )
    reader = borrowers.add_borrower(
        get_store(portal, create=True), name="Dupont Marie", expires=date(2099, 1, 1)
    )
    transaction.commit()
    base = f"http://{layer['host']}:{layer['port']}/plone"
    return {"base": base, "records": {"notice": notice}, "card": reader.id}


@pytest.fixture()
def fund(solr_functional):
    yield indexed_in_solr(solr_functional, publish)
    HEALTH.forget()


def availability(base):
    data = requests.get(
        f"{base}/@recherche", params={"q": "alphabétisation"}, headers=JSON, timeout=30
    ).json()
    assert data["backend"] == "solr"
    (item,) = data["items"]
    facet = next(f for f in data["facets"] if f["name"] == "availability")
    return item["availability"], {v["value"] for v in facet["values"]}


def within_a_second(base, expected):
    started = time.monotonic()
    while time.monotonic() - started < 1.0:
        if availability(base)[0] == expected:
            return time.monotonic() - started
        time.sleep(0.05)
    pytest.fail(f"Solr still says {availability(base)} a second after the desk, not {expected}")


def test_loan_and_return_reach_solr_within_a_second(fund):
    base = fund["base"]
    assert availability(base) == (["empruntable"], {"empruntable"})
    lent = requests.post(
        f"{base}/@pret",
        json={"barcode": "RTS0001", "card": fund["card"]},
        headers=JSON,
        auth=MANAGER,
        timeout=30,
    )
    assert lent.status_code == 200, lent.text
    within_a_second(base, ["en-pret"])
    assert availability(base)[1] == {"en-pret"}
    page = requests.get(fund["records"]["notice"].absolute_url(), timeout=30).text
    assert "En prêt jusqu'au" in page and "Dupont" not in page

    back = requests.post(
        f"{base}/@retour", json={"barcode": "RTS0001"}, headers=JSON, auth=MANAGER, timeout=30
    )
    assert back.status_code == 200, back.text
    within_a_second(base, ["empruntable"])
    # search narrowed on the facet finds it again
    narrowed = requests.get(
        f"{base}/@recherche",
        params={"q": "alphabétisation", "f.availability": "empruntable"},
        headers=JSON,
        timeout=30,
    ).json()
    assert narrowed["items_total"] == 1
