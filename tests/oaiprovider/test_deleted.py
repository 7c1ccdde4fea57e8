"""Deleted, withdrawn and restricted records: persistent deleted headers,
never metadata; republishing brings the record back."""

import time

import transaction
from lxml import etree
from plone import api

from .conftest import NS
from .conftest import OAI
from .conftest import error_codes
from .conftest import headers_of
from .conftest import ident


def test_gone_records_are_deleted_headers_without_metadata(oai_site, oai_get):
    for name in oai_site.gone:
        for prefix in ("oai_dc", "unimarc"):
            root = oai_get(
                oai_site.url,
                verb="GetRecord",
                identifier=ident(oai_site.uids[name]),
                metadataPrefix=prefix,
            )
            record = root.find("oai:GetRecord/oai:record", NS)
            assert record.find("oai:header", NS).get("status") == "deleted", name
            assert record.find("oai:metadata", NS) is None
    root = oai_get(oai_site.url, verb="ListRecords", metadataPrefix="oai_dc")
    for record in root.iter(f"{OAI}record"):
        header = record.find("oai:header", NS)
        identifier = header.findtext("oai:identifier", namespaces=NS)
        if identifier in {ident(oai_site.uids[n]) for n in oai_site.gone}:
            assert header.get("status") == "deleted"
            assert record.find("oai:metadata", NS) is None
    assert b"Notice devenue r" not in etree.tostring(root, encoding="utf-8")


def test_deleted_header_keeps_its_sets_and_is_found_by_date(oai_site, oai_get):
    root = oai_get(
        oai_site.url,
        verb="GetRecord",
        identifier=ident(oai_site.uids["deleted"]),
        metadataPrefix="oai_dc",
    )
    header = root.find("oai:GetRecord/oai:record/oai:header", NS)
    assert [s.text for s in header.findall("oai:setSpec", NS)] == [
        "theme:savoirs-de-base",
        "type:rapport",
    ]
    stamp = header.findtext("oai:datestamp", namespaces=NS)
    since = oai_get(
        oai_site.url, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": stamp}
    )
    assert headers_of(since)[ident(oai_site.uids["deleted"])].get("status") == "deleted"


def test_withdrawal_is_newer_than_the_record_and_republishing_restores_it(oai_site, oai_get):
    portal = oai_site.portal
    uid = oai_site.uids["built"]
    notice = portal["fonds"]["illettrisme"]
    first = oai_get(oai_site.url, verb="GetRecord", identifier=ident(uid), metadataPrefix="oai_dc")
    live_stamp = first.findtext(".//oai:datestamp", namespaces=NS)
    time.sleep(1.1)
    api.content.transition(obj=notice, transition="publish_members")
    transaction.commit()
    gone = oai_get(oai_site.url, verb="GetRecord", identifier=ident(uid), metadataPrefix="oai_dc")
    header = gone.find("oai:GetRecord/oai:record/oai:header", NS)
    assert header.get("status") == "deleted"
    assert header.findtext("oai:datestamp", namespaces=NS) > live_stamp
    # an incremental harvest from the withdrawal sees the deletion
    since = oai_get(
        oai_site.url,
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": header.findtext("oai:datestamp", namespaces=NS)},
    )
    assert headers_of(since)[ident(uid)].get("status") == "deleted"
    time.sleep(1.1)
    api.content.transition(obj=notice, transition="publish")
    transaction.commit()
    back = oai_get(oai_site.url, verb="GetRecord", identifier=ident(uid), metadataPrefix="oai_dc")
    record = back.find("oai:GetRecord/oai:record", NS)
    assert record.find("oai:header", NS).get("status") is None
    assert record.find("oai:metadata", NS) is not None
    assert record.findtext("oai:header/oai:datestamp", namespaces=NS) > header.findtext(
        "oai:datestamp", namespaces=NS
    )


def test_never_published_records_leave_no_trace(oai_site, oai_get):
    portal = oai_site.portal
    draft = portal["fonds"]["brouillon"]
    uid = draft.UID()
    api.content.delete(obj=draft)
    transaction.commit()
    root = oai_get(oai_site.url, verb="GetRecord", identifier=ident(uid), metadataPrefix="oai_dc")
    assert error_codes(root) == ["idDoesNotExist"]


def test_deleting_a_withdrawn_record_keeps_one_tombstone(oai_site, oai_get):
    portal = oai_site.portal
    api.content.delete(obj=portal["fonds"]["retiree"])
    transaction.commit()
    root = oai_get(oai_site.url, verb="ListIdentifiers", metadataPrefix="oai_dc")
    ids = [h.findtext("oai:identifier", namespaces=NS) for h in root.iter(f"{OAI}header")]
    assert ids.count(ident(oai_site.uids["withdrawn"])) == 1
