"""The metadata cache: entries keyed by ``oai_key`` so that a page of a list
reads a few buckets, stale entries swept, moved and withdrawn records dropped."""

import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
import transaction
import ZODB
from plone import api
from ZODB.MappingStorage import MappingStorage
from zope.annotation.interfaces import IAnnotations

from rt.infodoc.oaiprovider.cache import LEGACY_ANNOTATION
from rt.infodoc.oaiprovider.cache import MetadataCache
from rt.infodoc.oaiprovider.cache import get_cache
from rt.infodoc.oaiprovider.keys import make_key

from .conftest import NS
from .conftest import OAI
from .conftest import ident

T = datetime(2024, 3, 1, 9, 0, 0, tzinfo=UTC)


def _key(i):
    return make_key(T + timedelta(seconds=i), f"{i:032x}")


@pytest.fixture()
def db():
    database = ZODB.DB(MappingStorage())
    yield database
    database.close()


def test_entries_by_key_and_format():
    cache = MetadataCache()
    cache.put(_key(1), "oai_dc", b"<dc/>")
    cache.put(_key(1), "unimarc", b"<record/>")
    assert cache.get(_key(1), "oai_dc") == b"<dc/>"
    assert cache.get(_key(1), "unimarc") == b"<record/>"
    assert cache.get(_key(1), "marcxml") is None
    # the same record at a later datestamp is another version: not served
    assert cache.get(make_key(T + timedelta(seconds=9), f"{1:032x}"), "oai_dc") is None
    cache.drop(_key(1))
    assert cache.get(_key(1), "oai_dc") is None and cache.get(_key(1), "unimarc") is None
    assert len(cache) == 0


def test_sweep_removes_only_stale_keys_of_the_range():
    cache = MetadataCache()
    for i in range(10):
        cache.put(_key(i), "oai_dc", b"x%d" % i)
    current = {_key(i) for i in range(10)} - {_key(3), _key(7)}
    removed = cache.sweep("oai_dc", _key(2), _key(5), current.__contains__)
    assert removed == 1
    assert cache.get(_key(3), "oai_dc") is None
    assert cache.get(_key(7), "oai_dc") == b"x7"  # outside the range: kept
    assert cache.sweep("unimarc", _key(0), _key(9), current.__contains__) == 0


def test_a_page_of_consecutive_records_loads_few_objects(db):
    conn = db.open()
    conn.root()["cache"] = cache = MetadataCache()
    for i in range(3000):
        cache.put(_key(i), "oai_dc", b"<dc>%d</dc>" % i)
    transaction.commit()
    conn.close()
    db.cacheMinimize()

    conn = db.open()
    cache = conn.root()["cache"]
    conn.getTransferCounts(clear=True)
    page = [cache.get(_key(i), "oai_dc") for i in range(1200, 1300)]
    loads, _stores = conn.getTransferCounts()
    assert page == [b"<dc>%d</dc>" % i for i in range(1200, 1300)]
    # the root, the cache, its trees and the buckets holding the page:
    # far fewer objects than the 100 records read
    assert loads <= 15, loads
    conn.close()


def _cached_keys(portal, prefix):
    tree = get_cache(portal).tree(prefix)
    return set(tree.keys()) if tree is not None else set()


def _current_key(portal, uid):
    catalog = portal.portal_catalog._catalog
    rid = catalog.indexes["UID"]._index[uid]
    return catalog.indexes["oai_key"]._unindex[rid]


def _harvest(oai_get, url, prefix="oai_dc"):
    root = oai_get(url, verb="ListRecords", metadataPrefix=prefix)
    return {
        r.findtext("oai:header/oai:identifier", namespaces=NS): r.find("oai:metadata", NS)
        for r in root.iter(f"{OAI}record")
    }


def test_a_harvest_fills_the_cache_with_the_current_versions(oai_site, oai_get):
    portal = oai_site.portal
    IAnnotations(portal)[LEGACY_ANNOTATION] = "cache of an earlier version"
    transaction.commit()
    _harvest(oai_get, oai_site.url)
    transaction.begin()
    public = {_current_key(portal, oai_site.uids[n]) for n in oai_site.public}
    assert _cached_keys(portal, "oai_dc") == public
    assert LEGACY_ANNOTATION not in IAnnotations(portal)
    _harvest(oai_get, oai_site.url, "unimarc")
    transaction.begin()
    notices = {_current_key(portal, oai_site.uids[n]) for n in ("built", "unimarc", "marc21")}
    assert _cached_keys(portal, "unimarc") == notices


def test_the_entry_of_a_modified_record_is_swept_by_the_next_harvest(oai_site, oai_get):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    portal = oai_site.portal
    uid = oai_site.uids["built"]
    _harvest(oai_get, oai_site.url)
    transaction.begin()
    old_key = _current_key(portal, uid)
    assert old_key in _cached_keys(portal, "oai_dc")
    time.sleep(1.1)  # datestamps count seconds
    notice = portal["fonds"]["illettrisme"]
    notice.title = "Illettrisme : les chiffres de 2022"
    notify(ObjectModifiedEvent(notice))
    transaction.commit()
    records = _harvest(oai_get, oai_site.url)
    assert (
        records[ident(uid)]
        .findtext("oai_dc:dc/dc:title", namespaces=NS)
        .startswith("Illettrisme : les chiffres de 2022")
    )
    transaction.begin()
    new_key = _current_key(portal, uid)
    assert new_key != old_key
    keys = _cached_keys(portal, "oai_dc")
    assert new_key in keys and old_key not in keys
    assert keys == {_current_key(portal, oai_site.uids[n]) for n in oai_site.public}


def test_a_full_harvest_sweeps_stale_entries_before_its_first_and_after_its_last_key(
    oai_site, oai_get
):
    """A stale entry sorting before every current key (or after) lies outside the
    span of the pages' own keys: the first page sweeps from the start of the list,
    the last page to its end."""
    portal = oai_site.portal
    _harvest(oai_get, oai_site.url)
    transaction.begin()
    cache = get_cache(portal)
    early = make_key(datetime(2000, 1, 1, tzinfo=UTC), "0" * 32)
    late = make_key(datetime(2999, 1, 1, tzinfo=UTC), "f" * 32)
    cache.put(early, "oai_dc", b"<stale/>")
    cache.put(late, "oai_dc", b"<stale/>")
    transaction.commit()
    _harvest(oai_get, oai_site.url)
    transaction.begin()
    keys = _cached_keys(portal, "oai_dc")
    assert early not in keys and late not in keys
    assert keys == {_current_key(portal, oai_site.uids[n]) for n in oai_site.public}


def test_a_record_modified_within_the_same_second_is_served_fresh(oai_site, oai_get):
    """Its datestamp (to the second) may not move: the edit itself drops the entry."""
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    portal = oai_site.portal
    uid = oai_site.uids["built"]
    notice = portal["fonds"]["illettrisme"]
    stamp = notice.modified()
    _harvest(oai_get, oai_site.url)
    transaction.begin()
    assert _current_key(portal, uid) in _cached_keys(portal, "oai_dc")
    notice.title = "Illettrisme : les chiffres de 2022"
    notify(ObjectModifiedEvent(notice))
    notice.setModificationDate(stamp)  # as if edited within the same second
    notice.reindexObject()
    transaction.commit()
    transaction.begin()
    assert _current_key(portal, uid) not in _cached_keys(portal, "oai_dc")
    records = _harvest(oai_get, oai_site.url)
    assert (
        records[ident(uid)]
        .findtext("oai_dc:dc/dc:title", namespaces=NS)
        .startswith("Illettrisme : les chiffres de 2022")
    )


def test_withdrawn_and_deleted_records_leave_the_cache(oai_site, oai_get):
    portal = oai_site.portal
    _harvest(oai_get, oai_site.url)
    transaction.begin()
    fiche_key = _current_key(portal, oai_site.uids["fiche"])
    built_key = _current_key(portal, oai_site.uids["built"])
    assert {fiche_key, built_key} <= _cached_keys(portal, "oai_dc")
    api.content.transition(obj=portal["fonds"]["illettrisme"], transition="retract")
    api.content.delete(obj=portal["fiches-experiences"]["ateliers"])
    transaction.commit()
    assert not {fiche_key, built_key} & _cached_keys(portal, "oai_dc")


def test_a_moved_record_is_served_with_its_new_address(oai_site, oai_get):
    portal = oai_site.portal
    uid = oai_site.uids["built"]

    def identifiers():
        root = oai_get(
            oai_site.url, verb="GetRecord", identifier=ident(uid), metadataPrefix="oai_dc"
        )
        return [e.text for e in root.iterfind(".//dc:identifier", NS)]

    assert any(i.endswith("/fonds/illettrisme") for i in identifiers())
    transaction.begin()
    key = _current_key(portal, uid)
    assert key in _cached_keys(portal, "oai_dc")
    api.content.rename(obj=portal["fonds"]["illettrisme"], new_id="illettrisme-2018")
    assert key not in _cached_keys(portal, "oai_dc")
    transaction.commit()
    after = identifiers()
    assert any(i.endswith("/fonds/illettrisme-2018") for i in after)
    assert not any(i.endswith("/fonds/illettrisme") for i in after)
