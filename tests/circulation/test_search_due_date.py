"""/recherche shows when a record whose copies are all on loan comes back ("En
prêt jusqu'au 4 janvier 2027", the earliest due date), as its Notice page does;
never who has it. The catalog site (collective.solr off) answers."""

from datetime import datetime

import pytest
import requests
import transaction
from lxml import html

from circulation import sitedesk
from rt.infodoc.circulation.store import get_store
from rt.infodoc.productions.dates import long_date


@pytest.fixture()
def site(functional):
    portal = sitedesk.site(functional)
    record = sitedesk.notice(portal, "illettrisme", "Illettrisme et territoires ruraux")
    other = sitedesk.notice(portal, "numeratie", "Numératie et territoires ruraux")
    for barcode in ("RT0001", "RT0002"):
        sitedesk.copy(portal, record, barcode)
    sitedesk.copy(portal, other, "RT0009")
    sitedesk.borrower(portal, "L1", "Martin Anne")
    sitedesk.borrower(portal, "L2", "Vidal Jérôme")
    sitedesk.desk(portal, datetime(2026, 12, 7, 10, 0)).lend("RT0001", "L1")
    transaction.commit()
    return {
        "portal": portal,
        "uid": record.UID(),
        "base": f"http://{functional['host']}:{functional['port']}/plone",
    }


def availability(site, uid):
    """The availability line of a result, as an anonymous reader sees it."""
    page = requests.get(f"{site['base']}/recherche", params={"q": "territoires"}, timeout=30)
    assert page.status_code == 200
    tree = html.fromstring(page.text)
    (result,) = tree.xpath(f"//li[@data-uid='{uid}']")
    assert "Martin" not in page.text and "Vidal" not in page.text and "L1" not in page.text
    return " ".join(result.xpath("string(.//p[@class='rt-result-availability'])").split())


def test_a_record_all_out_shows_its_earliest_return(site):
    portal, uid = site["portal"], site["uid"]
    assert "jusqu'au" not in availability(site, uid)  # RT0002 is on the shelf
    sitedesk.desk(portal, datetime(2026, 12, 21, 10, 0)).lend("RT0002", "L2")
    transaction.commit()
    store = get_store(portal)
    first, second = store.loan("RT0001").due, store.loan("RT0002").due
    assert first < second
    assert availability(site, uid) == f"Disponibilité : En prêt jusqu'au {long_date(first)}"

    # the first copy back: on the shelf again, no date
    sitedesk.desk(portal, datetime(2026, 12, 28, 10, 0)).give_back("RT0001")
    transaction.commit()
    line = availability(site, uid)
    assert line == "Disponibilité : En rayon"  # on the shelf at the centre
