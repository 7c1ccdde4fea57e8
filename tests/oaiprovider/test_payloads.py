"""The MARC payloads: valid against their schemas, from the original record
when there is one, built from the fields otherwise; cached and refreshed."""

import time

import transaction
from lxml import etree

from .conftest import NS
from .conftest import assert_valid
from .conftest import ident


def _metadata(oai_get, url, uid, prefix):
    root = oai_get(url, verb="GetRecord", identifier=ident(uid), metadataPrefix=prefix)
    metadata = root.find("oai:GetRecord/oai:record/oai:metadata", NS)
    assert metadata is not None and len(metadata) == 1
    return metadata[0]


def _sub(record, ns, tag, code, df="df", t="t", c="c", sf="sf"):
    return [
        s.text
        for f in record.findall(f"{ns}:{df}[@{t}='{tag}']", NS)
        for s in f.findall(f"{ns}:{sf}[@{c}='{code}']", NS)
    ]


def test_unimarc_payloads_are_valid(oai_site, oai_get, schemas):
    uids = oai_site.uids
    built = _metadata(oai_get, oai_site.url, uids["built"], "unimarc")
    assert_valid(schemas.unimarc, built, "UNIMARC slim")
    assert _sub(built, "u", "200", "a") == ["Illettrisme : les chiffres"]
    assert _sub(built, "u", "200", "e") == ["Enquête Information et vie quotidienne"]
    assert _sub(built, "u", "010", "a") == ["978-2-11-000000-1"]
    original = _metadata(oai_get, oai_site.url, uids["unimarc"], "unimarc")
    assert_valid(schemas.unimarc, original, "UNIMARC slim")
    # the imported record itself: its 200$b (general material designation) is kept
    assert _sub(original, "u", "200", "a") == ["Ici"]
    assert _sub(original, "u", "200", "b") == ["Texte imprimé"]
    # a MARC 21 original gets a UNIMARC record built from its fields
    from_marc21 = _metadata(oai_get, oai_site.url, uids["marc21"], "unimarc")
    assert_valid(schemas.unimarc, from_marc21, "UNIMARC slim")
    assert _sub(from_marc21, "u", "200", "a") == ["Escape from loneliness"]


def test_marcxml_payloads_are_real_marc21(oai_site, oai_get, schemas):
    uids = oai_site.uids
    m = dict(df="datafield", t="tag", c="code", sf="subfield")
    built = _metadata(oai_get, oai_site.url, uids["built"], "marcxml")
    assert_valid(schemas.marcxml, built, "MARCXML")
    assert built.findtext("m:leader", namespaces=NS)[20:24] == "4500"
    assert _sub(built, "m", "245", "a", **m)[0].startswith("Illettrisme")
    assert _sub(built, "m", "020", "a", **m) == ["978-2-11-000000-1"]
    assert not built.findall("m:datafield[@tag='200']", NS)
    converted = _metadata(oai_get, oai_site.url, uids["unimarc"], "marcxml")
    assert_valid(schemas.marcxml, converted, "MARCXML")
    assert _sub(converted, "m", "245", "a", **m)[0].startswith("Ici")
    assert not converted.findall("m:datafield[@tag='200']", NS)
    original = _metadata(oai_get, oai_site.url, uids["marc21"], "marcxml")
    assert_valid(schemas.marcxml, original, "MARCXML")
    assert _sub(original, "m", "245", "c", **m) == [
        "by Paul Tournier ; translated by John S. Gilmour."
    ]


def test_pmb_payload(oai_site, oai_get):
    pmb = _metadata(oai_get, oai_site.url, oai_site.uids["unimarc"], "pmb_xml_unimarc")
    assert pmb.tag == "{http://www.pmbservices.fr}notice"
    assert pmb.findtext("pmb:dt", namespaces=NS) == "a"
    titles = [
        s.text for f in pmb.findall("pmb:f[@c='200']", NS) for s in f.findall("pmb:s[@c='a']", NS)
    ]
    assert titles == ["Ici"]


def test_modified_record_is_served_fresh(oai_site, oai_get):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    uid = oai_site.uids["built"]
    before = _metadata(oai_get, oai_site.url, uid, "oai_dc")
    again = _metadata(oai_get, oai_site.url, uid, "oai_dc")
    assert etree.tostring(before) == etree.tostring(again)
    time.sleep(1.1)
    notice = oai_site.portal["fonds"]["illettrisme"]
    notice.title = "Illettrisme : les chiffres de 2022"
    notify(ObjectModifiedEvent(notice))
    transaction.commit()
    after = _metadata(oai_get, oai_site.url, uid, "oai_dc")
    assert after.findtext("dc:title", namespaces=NS).startswith(
        "Illettrisme : les chiffres de 2022"
    )
    unimarc = _metadata(oai_get, oai_site.url, uid, "unimarc")
    assert (
        unimarc.findtext("u:df[@t='200']/u:sf[@c='a']", namespaces=NS)
        == "Illettrisme : les chiffres de 2022"
    )
