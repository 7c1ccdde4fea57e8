"""harvest_into_site: the PMB stand-in over real HTTP into a functional test site."""

import pytest
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite

from rt.infodoc.harvesting.core.client import OAIClient
from rt.infodoc.harvesting.runner import harvest_into_site
from rt.infodoc.harvesting.site_state import last_runs
from rt.infodoc.harvesting.site_state import last_state
from rt.infodoc.harvesting.summary import exit_status
from rt.infodoc.harvesting.summary import summary_fr

from .conftest import expected_title
from .conftest import make_record


@pytest.fixture()
def site(functional):
    portal = functional["portal"]
    setSite(portal)
    login(functional["app"], SITE_OWNER_NAME)
    transaction.commit()
    return portal


def notices(site):
    """{cosoter_id: (title, review_state)} of every Notice, read from the catalog."""
    found = {}
    for brain in site.portal_catalog.unrestrictedSearchResults(portal_type="Notice"):
        obj = brain._unrestrictedGetObject()
        assert obj.cosoter_id not in found, f"two Notices for {obj.cosoter_id}"
        found[obj.cosoter_id] = (obj.title, brain.review_state)
    return found


def list_requests(standin):
    return [dict(p) for _, p in standin.requests if dict(p).get("verb") == "ListRecords"]


def test_harvest_250_pmb_records(site, standin):
    harvest, imported = harvest_into_site(site, standin.url, source="cosoter")
    assert harvest.status == "ok", harvest.errors
    assert harvest.prefix == "pmb_xml_unimarc"
    assert (harvest.records, harvest.pages, harvest.deleted) == (250, 3, 0)
    assert imported.counts() == {
        "created": 250,
        "updated": 0,
        "unchanged": 0,
        "withdrawn": 0,
        "rejected": 0,
    }
    assert exit_status(harvest, imported) == 0
    found = notices(site)
    assert sorted(found) == sorted(str(5000 + i) for i in range(1, 251))
    assert {k: v[0] for k, v in found.items()} == {
        str(5000 + i): expected_title(i) for i in range(1, 251)
    }
    assert found["5001"] == ("Éducation populaire : héritages et défis (1)", "published")
    assert site["fonds"]["n5003"].title == "Égalité femmes-hommes à l'école (3)"
    state = last_state(site)["cosoter"]
    assert state["last_datestamp"] == harvest.last_datestamp == "2024-03-01T08:04:09Z"
    assert state["base_url"] == standin.url
    run = last_runs(site)["cosoter"][0]
    assert run["counts"]["created"] == 250 and run["last_datestamp"] == harvest.last_datestamp
    text = summary_fr("cosoter", harvest, imported)
    assert "notices reçues : 250" in text and "créées : 250" in text


def test_incremental_second_run_asks_only_newer(site, standin, records):
    first, _ = harvest_into_site(site, standin.url)
    changed = make_record(7, title="L'illettrisme en questions, édition revue")
    standin.add(changed)  # a later datestamp
    for i in (251, 252, 253):
        standin.add(make_record(i))
    standin.requests.clear()
    harvest, imported = harvest_into_site(site, standin.url)
    assert list_requests(standin)[0]["from"] == first.last_datestamp
    assert harvest.from_ == first.last_datestamp
    assert harvest.records == 4 and harvest.already_harvested == 1  # 5250 sent again, skipped
    assert imported.counts() == {
        "created": 3,
        "updated": 1,
        "unchanged": 0,
        "withdrawn": 0,
        "rejected": 0,
    }
    found = notices(site)
    assert len(found) == 253
    assert found["5007"][0] == "L'illettrisme en questions, édition revue"
    assert found["5253"][0] == expected_title(253)
    runs = last_runs(site)["cosoter"]
    assert [r["counts"]["created"] for r in runs] == [3, 250]  # newest first


def test_deleted_record_withdraws_the_notice(site, standin):
    harvest_into_site(site, standin.url)
    standin.delete("5010", standin._next_date)
    standin.repository.add("oai:cosoter:999999", standin._next_date, deleted=True)
    harvest, imported = harvest_into_site(site, standin.url)
    assert harvest.deleted == 2 and harvest.records == 2
    assert imported.withdrawn == 1 and imported.created == 0
    assert imported.withdrawals[0]["cosoter_id"] == "5010"
    assert imported.withdrawals[0]["title"] == expected_title(10)
    assert imported.withdrawals[0]["previous_state"] == "published"
    assert any(
        "999999" in w["message"] and "absente du site" in w["message"] for w in imported.warnings
    )
    found = notices(site)
    assert found["5010"][1] == "private" and found["5011"][1] == "published"
    assert len(found) == 250  # withdrawn, not deleted
    assert exit_status(harvest, imported) == 0


class ExpiringTokensClient(OAIClient):
    """A real client; PMB forgets its tokens just before the second page is asked."""

    def __init__(self, url, standin):
        super().__init__(url)
        self.standin, self.expired = standin, 0

    def request(self, verb, **args):
        if args.get("resumptionToken") and not self.expired:
            self.standin.expire_tokens()
            self.expired += 1
        return super().request(verb, **args)


def test_token_expiring_mid_harvest_restarts_without_duplicates(site, standin):
    client = ExpiringTokensClient(standin.url, standin)
    harvest, imported = harvest_into_site(site, standin.url, client=client, batch_size=40)
    assert harvest.status == "ok" and harvest.restarts == 1
    assert "Jeton de reprise refusé" in harvest.warnings[0]
    restart = list_requests(standin)[2]
    assert "resumptionToken" not in restart and restart["from"] == "2024-03-01T08:01:39Z"
    assert harvest.duplicates == 1 and harvest.records == 250
    assert imported.created == 250 and imported.records == 250
    assert len(notices(site)) == 250


def test_unchanged_reharvest(site, standin):
    harvest_into_site(site, standin.url)
    harvest, imported = harvest_into_site(site, standin.url, full=True)
    assert harvest.from_ is None and harvest.records == 250
    assert imported.counts() == {
        "created": 0,
        "updated": 0,
        "unchanged": 250,
        "withdrawn": 0,
        "rejected": 0,
    }
    assert "inchangées : 250" in summary_fr("cosoter", harvest, imported)


def test_full_sync_withdraws_notices_gone_from_pmb(site, records):
    """PMB's default deletedRecord "no": a deleted notice just disappears."""
    from standins.pmb_oai import PMBStandIn

    with PMBStandIn(records[:30], source_id=3) as standin:
        harvest_into_site(site, standin.url)
        standin.delete("5003", standin._next_date)  # removed, no header
        harvest, imported = harvest_into_site(site, standin.url)
        assert harvest.status == "empty" and imported.withdrawn == 0
        harvest, imported = harvest_into_site(site, standin.url, full=True)
    assert imported.withdrawn == 1 and imported.unchanged == 29
    assert notices(site)["5003"][1] == "private"


def test_oai_dc_harvest(site, standin):
    harvest, imported = harvest_into_site(site, standin.url, prefix="oai_dc", source="cosoter")
    assert harvest.prefix == "oai_dc" and harvest.records == 250
    assert imported.created == 250 and imported.rejected == 0
    found = notices(site)
    assert found["5001"][0] == "Éducation populaire : héritages et défis (1)"
    obj = site["fonds"]["n5003"]
    assert obj.title == "Égalité femmes-hommes à l'école (3)"
    assert [a["name"] for a in obj.authors] == ["Dupré, Hélène"] and obj.year == 2003
    again, imported = harvest_into_site(site, standin.url, prefix="oai_dc", full=True)
    assert imported.unchanged == 250


def test_rejected_record_is_reported_and_exit_status_1(site, standin, records):
    bad = make_record(300)
    bad.remove_fields("200")  # no title
    standin.add(bad)
    harvest, imported = harvest_into_site(site, standin.url)
    assert imported.created == 250 and imported.rejected == 1
    assert imported.rejections[0].identifier == "5300"
    assert "sans titre" in imported.rejections[0].reason
    assert exit_status(harvest, imported) == 1


def test_dry_run_saves_nothing(site, standin):
    harvest, imported = harvest_into_site(site, standin.url, dry_run=True)
    assert imported.dry_run and imported.created == 250
    assert notices(site) == {} and last_state(site) == {} and last_runs(site) == {}
    harvest, imported = harvest_into_site(site, standin.url)
    assert harvest.from_ is None and imported.created == 250


def test_unreachable_source_cannot_start(site):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/ws/connector_out.php?source_id=3"
    harvest, imported = harvest_into_site(site, url, client=OAIClient(url, max_retries=0))
    assert harvest.status == "failed" and "ne répond pas" in harvest.errors[0]["message"]
    assert exit_status(harvest, imported) == 2
    assert notices(site) == {} and last_state(site) == {}
    assert last_runs(site)["cosoter"][0]["harvest_status"] == "failed"


def test_state_in_a_json_file(site, standin, tmp_path):
    path = tmp_path / "harvest" / "cosoter.json"
    first, _ = harvest_into_site(site, standin.url, state_path=str(path))
    assert '"last_datestamp": "2024-03-01T08:04:09Z"' in path.read_text()
    assert last_state(site) == {}
    harvest, imported = harvest_into_site(site, standin.url, state_path=str(path))
    assert harvest.from_ == first.last_datestamp and harvest.records == 0
