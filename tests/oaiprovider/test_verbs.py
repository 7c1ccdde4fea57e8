"""The six verbs of <site>/oai over real HTTP, every answer schema-validated."""

import requests
from lxml import etree

from .conftest import NS
from .conftest import OAI
from .conftest import assert_valid
from .conftest import error_codes
from .conftest import headers_of
from .conftest import ident


def test_identify(oai_site, oai_get):
    root = oai_get(oai_site.url, verb="Identify")
    body = root.find("oai:Identify", NS)
    assert (
        body.findtext("oai:repositoryName", namespaces=NS)
        == "Ressources & Territoires — centre de ressources documentaires"
    )
    assert body.findtext("oai:baseURL", namespaces=NS) == oai_site.url
    assert body.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert body.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert (
        body.findtext("oai:adminEmail", namespaces=NS) == "documentation@ressources-territoires.com"
    )
    earliest = body.findtext("oai:earliestDatestamp", namespaces=NS)
    stamps = [
        h.findtext("oai:datestamp", namespaces=NS)
        for h in headers_of(
            oai_get(oai_site.url, verb="ListIdentifiers", metadataPrefix="oai_dc")
        ).values()
    ]
    assert earliest == min(stamps)


def test_list_metadata_formats(oai_site, oai_get):
    all_formats = oai_get(oai_site.url, verb="ListMetadataFormats")
    prefixes = [e.text for e in all_formats.iter(f"{OAI}metadataPrefix")]
    assert prefixes == ["oai_dc", "unimarc", "marcxml", "pmb_xml_unimarc"]
    notice = oai_get(
        oai_site.url, verb="ListMetadataFormats", identifier=ident(oai_site.uids["built"])
    )
    assert [e.text for e in notice.iter(f"{OAI}metadataPrefix")] == prefixes
    for production in ("fiche", "confat"):
        root = oai_get(
            oai_site.url, verb="ListMetadataFormats", identifier=ident(oai_site.uids[production])
        )
        assert [e.text for e in root.iter(f"{OAI}metadataPrefix")] == ["oai_dc"]


def test_list_sets_in_french(oai_site, oai_get):
    root = oai_get(oai_site.url, verb="ListSets")
    names = {
        s.findtext("oai:setSpec", namespaces=NS): s.findtext("oai:setName", namespaces=NS)
        for s in root.iter(f"{OAI}set")
    }
    assert names["theme:savoirs-de-base"] == "Savoirs de base et illettrisme"
    assert names["type:guide-methodologique"] == "Guide méthodologique"
    assert names["production:confat"] == "Conf'At'"
    assert names["production:fiche-experience"] == "Fiches expériences"
    assert names["production:dossier"] == "Dossiers thématiques"
    assert names["production:panorama"] == "Panoramas de presse"
    assert {"theme", "type", "production"} <= set(names)


def test_list_identifiers_and_records_hold_exactly_the_public_records(oai_site, oai_get):
    expected = {ident(oai_site.uids[n]) for n in oai_site.public}
    gone = {ident(oai_site.uids[n]) for n in oai_site.gone}
    for verb in ("ListIdentifiers", "ListRecords"):
        root = oai_get(oai_site.url, verb=verb, metadataPrefix="oai_dc")
        headers = headers_of(root)
        live = {i for i, h in headers.items() if h.get("status") is None}
        dead = {i for i, h in headers.items() if h.get("status") == "deleted"}
        assert live == expected and dead == gone, verb
    records = root.findall("oai:ListRecords/oai:record", NS)
    titles = {r.findtext("oai:metadata/oai_dc:dc/dc:title", namespaces=NS) for r in records}
    assert "Des ateliers sociolinguistiques à Tarbes" in titles
    assert "Notice en cours de saisie" not in titles
    assert "Rapport réservé aux adhérents" not in titles


def test_marc_formats_list_only_notices(oai_site, oai_get):
    """Productions exist in oai_dc only: a MARC list leaves them out, and every
    record it holds has metadata."""
    notices = {ident(oai_site.uids[n]) for n in ("built", "unimarc", "marc21")}
    for prefix in ("unimarc", "marcxml", "pmb_xml_unimarc"):
        for verb in ("ListRecords", "ListIdentifiers"):
            root = oai_get(oai_site.url, verb=verb, metadataPrefix=prefix)
            headers = headers_of(root)
            assert {i for i, h in headers.items() if h.get("status") is None} == notices
            assert {i for i, h in headers.items() if h.get("status")} == {
                ident(oai_site.uids[n]) for n in oai_site.gone
            }
        records = oai_get(oai_site.url, verb="ListRecords", metadataPrefix=prefix).findall(
            "oai:ListRecords/oai:record", NS
        )
        for record in records:
            deleted = record.find("oai:header", NS).get("status") == "deleted"
            assert (record.find("oai:metadata", NS) is None) is deleted


def test_sets_select_records(oai_site, oai_get):
    def ids(spec):
        root = oai_get(oai_site.url, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
        return {i: h.get("status") for i, h in headers_of(root).items()}

    savoirs = ids("theme:savoirs-de-base")
    assert savoirs == {
        ident(oai_site.uids["built"]): None,
        ident(oai_site.uids["deleted"]): "deleted",
    }
    assert set(ids("production:confat")) == {ident(oai_site.uids["confat"])}
    assert set(ids("production")) == {ident(oai_site.uids[n]) for n in ("fiche", "confat")}
    assert set(ids("type:ouvrage")) == {ident(oai_site.uids[n]) for n in ("unimarc", "marc21")}
    theme = ids("theme")
    assert ident(oai_site.uids["fiche"]) in theme and ident(oai_site.uids["marc21"]) not in theme


def test_get_record_and_datestamps_from_until(oai_site, oai_get):
    uid = oai_site.uids["built"]
    root = oai_get(oai_site.url, verb="GetRecord", identifier=ident(uid), metadataPrefix="oai_dc")
    record = root.find("oai:GetRecord/oai:record", NS)
    stamp = record.findtext("oai:header/oai:datestamp", namespaces=NS)
    assert (
        record.findtext("oai:metadata/oai_dc:dc/dc:title", namespaces=NS)
        == "Illettrisme : les chiffres : Enquête Information et vie quotidienne"
    )
    assert {s.text for s in record.iter(f"{OAI}setSpec")} == {"theme:savoirs-de-base", "type:etude"}
    same = oai_get(
        oai_site.url,
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": stamp, "until": stamp},
    )
    assert ident(uid) in headers_of(same)
    day = stamp[:10]
    by_day = oai_get(
        oai_site.url, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": day, "until": day}
    )
    assert ident(uid) in headers_of(by_day)
    later = oai_get(
        oai_site.url,
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": "2999-01-01T00:00:00Z"},
    )
    assert error_codes(later) == ["noRecordsMatch"]


def test_post_gives_the_same_answers(oai_site, oai_get):
    root = oai_get(
        oai_site.url,
        method="POST",
        verb="GetRecord",
        identifier=ident(oai_site.uids["fiche"]),
        metadataPrefix="oai_dc",
    )
    assert root.find("oai:request", NS).get("verb") == "GetRecord"
    assert (
        root.findtext("oai:GetRecord/oai:record/oai:metadata/oai_dc:dc/dc:title", namespaces=NS)
        == "Des ateliers sociolinguistiques à Tarbes"
    )
    listed = oai_get(oai_site.url, method="POST", verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert len(headers_of(listed)) == 8
    # a repeated argument in a POST body is refused, as in a query string
    repeated = oai_get(oai_site.url, ("verb", "Identify"), ("verb", "Identify"), method="POST")
    assert error_codes(repeated) == ["badVerb"]


def test_authenticated_user_gets_the_anonymous_answer(oai_site, schemas):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    response = requests.get(
        oai_site.url,
        params={"verb": "ListRecords", "metadataPrefix": "oai_dc"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
    )
    root = etree.fromstring(response.content)
    assert_valid(schemas.oai, root)
    live = {i for i, h in headers_of(root).items() if h.get("status") is None}
    assert live == {ident(oai_site.uids[n]) for n in oai_site.public}
    assert b"adh\xc3\xa9rents" not in response.content and b"saisie" not in response.content
