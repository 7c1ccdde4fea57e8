"""One MARC record per Notice on every channel, through a real site: real files
imported by the importer, served by the Notice page's exports, the basket and the
OAI-PMH provider; a change made in the site goes out everywhere, and nothing of
the imported record is lost on the way."""

from pathlib import Path

import requests
import transaction
from lxml import etree
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from rt.infodoc.importer.runner import import_file
from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.reader import read_records
from rt.infodoc.marc.vocabulary import THEME_LABELS
from rt.infodoc.oaiprovider.cache import get_cache

from .conftest import NS
from .conftest import assert_valid
from .conftest import ident

DATA = Path(__file__).parent.parent / "data" / "marc"
PMB_TAGS = frozenset(
    "001 010 011 101 200 205 210 214 215 225 300 327 330 345 410 411 461 464 "
    "600 601 602 603 604 605 606 607 610 676 686 700 701 702 710 711 712 801 856 995".split()
)
MARC21_TAGS = frozenset(
    "001 020 022 024 040 041 082 100 110 111 245 250 260 264 300 490 500 505 520 "
    "600 610 650 651 653 700 710 711 773 852 856".split()
)


def zones(record, tags):
    out = []
    for field in record.fields:
        if field.tag in tags:
            if field.is_control_field():
                out.append((field.tag, field.data))
            else:
                subfields = [(s.code, s.value) for s in field.subfields]
                out.append((field.tag, field.indicator1, field.indicator2, subfields))
    return out


def read(data):
    results = list(read_records(data))
    assert results and all(r.ok for r in results), [r.error for r in results]
    return [r.record for r in results]


def originals(name, flavour=None):
    return {
        r.record["001"].data: r.record
        for r in read_records(DATA / name)
        if r.ok and flavour in (None, r.flavour)
    }


def imported_site(functional, *names):
    portal = functional["portal"]
    setSite(portal)
    login(functional["app"], SITE_OWNER_NAME)
    for name in names:
        assert not import_file(portal, DATA / name).counts().get("rejected")
    transaction.commit()
    url = f"http://{functional['host']}:{functional['port']}/plone"
    by_id = {
        b.getObject().cosoter_id: b.getObject()
        for b in api.content.find(context=portal, portal_type="Notice", unrestricted=True)
    }
    return portal, url, by_id


def get(url, **kw):
    response = requests.get(url, timeout=60, **kw)
    assert response.status_code == 200, (url, response.status_code, response.text[:300])
    return response.content


def metadata(oai_get, url, uid, prefix):
    root = oai_get(f"{url}/oai", verb="GetRecord", identifier=ident(uid), metadataPrefix=prefix)
    (element,) = root.find("oai:GetRecord/oai:record/oai:metadata", NS)
    return element


def test_notice_exports_give_back_the_imported_records(functional):
    """Import, export from each Notice page, re-import: every subfield PMB reads
    comes back identical (UNIMARC file), and every MARC 21 zone of a MARC 21 file."""
    files = ("marcjs_bib.mrc", "pymarc_batch.xml", "marc4j_pride-and-prejudice-fixed.mrc")
    _portal, url, notices = imported_site(functional, *files)
    # the pride-and-prejudice file holds 17 UNIMARC records (Chinese, English...)
    # whose 101$a ("eng.") the Notice cannot hold: not a deletion by the centre
    unimarc = originals("marcjs_bib.mrc")
    unimarc.update(originals("marc4j_pride-and-prejudice-fixed.mrc", "unimarc"))
    marc21 = originals("pymarc_batch.xml")
    assert unimarc and marc21
    for cosoter_id, original in unimarc.items():
        notice = notices[cosoter_id]
        base = f"{url}/fonds/{notice.getId()}"
        for view in ("@@export-unimarc", "@@export-unimarcxml"):
            (back,) = read(get(f"{base}/{view}"))
            assert zones(back, PMB_TAGS) == zones(original, PMB_TAGS), (cosoter_id, view)
            assert to_notice(back) == to_notice(original), (cosoter_id, view)
    for cosoter_id, original in marc21.items():
        notice = notices[cosoter_id.strip()]
        (back,) = read(get(f"{url}/fonds/{notice.getId()}/@@export-marcxml"))
        assert zones(back, MARC21_TAGS) == zones(original, MARC21_TAGS), cosoter_id


def test_a_change_made_in_the_site_goes_out_on_every_channel(functional, oai_get, schemas):
    portal, url, notices = imported_site(functional, "marcjs_bib.mrc")
    original = next(r for r in originals("marcjs_bib.mrc").values() if r.get_fields("801"))
    notice = notices[original["001"].data]
    uid = notice.UID()
    before = metadata(oai_get, url, uid, "unimarc")  # fills the OAI cache
    assert before.findtext("u:df[@t='200']/u:sf[@c='a']", namespaces=NS) != "Titre corrigé"

    transaction.begin()  # the edit is a request of its own: it sees the cache filled
    assert get_cache(portal, create=False) is not None
    notice.title = "Titre corrigé"
    notice.themes = list(notice.themes or []) + ["parentalite"]
    notify(ObjectModifiedEvent(notice))
    transaction.commit()
    label = THEME_LABELS["parentalite"]

    def check_unimarc(record, channel):
        mapped = to_notice(record)
        assert mapped["title"] == "Titre corrigé", channel
        assert "parentalite" in mapped["themes"], channel
        kept = [z for z in zones(original, PMB_TAGS) if z[0] not in ("200", "606")]
        assert [z for z in zones(record, PMB_TAGS) if z[0] not in ("200", "606")] == kept, channel

    base = f"{url}/fonds/{notice.getId()}"
    (iso,) = read(get(f"{base}/@@export-unimarc"))
    check_unimarc(iso, "Notice, ISO 2709")
    (slim,) = read(get(f"{base}/@@export-unimarcxml"))
    check_unimarc(slim, "Notice, UNIMARC XML")
    (marcxml,) = read(get(f"{base}/@@export-marcxml"))
    assert marcxml["245"]["a"].startswith("Titre corrigé")
    assert label in [f["a"] for f in marcxml.get_fields("650")]
    basket = read(
        get(
            f"{url}/@@panier-export",
            params={"format": "unimarc"},
            cookies={"rt_panier": uid},
        )
    )
    check_unimarc(basket[0], "basket")

    served = metadata(oai_get, url, uid, "unimarc")
    assert_valid(schemas.unimarc, served, "UNIMARC slim")
    (oai_unimarc,) = read(etree.tostring(served))
    check_unimarc(oai_unimarc, "OAI unimarc")
    pmb = metadata(oai_get, url, uid, "pmb_xml_unimarc")
    (oai_pmb,) = read(etree.tostring(pmb))
    check_unimarc(oai_pmb, "OAI pmb_xml_unimarc")
    oai_marc21 = metadata(oai_get, url, uid, "marcxml")
    assert_valid(schemas.marcxml, oai_marc21, "MARCXML")
    (converted,) = read(etree.tostring(oai_marc21))
    assert converted["245"]["a"].startswith("Titre corrigé")
    assert label in [f["a"] for f in converted.get_fields("650")]
    assert portal is not None
