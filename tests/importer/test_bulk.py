"""The fast writer leaves the same Notices, catalog entries and queue as the classic one."""

import transaction
from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import getQueue
from zope.event import notify

from rt.infodoc.importer import plan
from rt.infodoc.importer.bulk import BulkNoticeWriter
from rt.infodoc.importer.events import BatchWritten
from rt.infodoc.importer.events import ImportRun
from rt.infodoc.importer.options import ImportOptions
from rt.infodoc.importer.runner import import_file
from rt.infodoc.importer.runner import revert_batch
from rt.infodoc.importer.sources import items_from_file

from .conftest import DATA

# Values that differ between two imports of the same record whatever the writer:
# times, and what is derived from times or from the (random) UID.
TIMED = {
    "creation_date",
    "modification_date",
    "effective_date",
    "created",
    "modified",
    "effective",
    "Date",
    "CreationDate",
    "ModificationDate",
    "EffectiveDate",
    "effectiveRange",
    "oai_key",
    "_p_mtime",
}


def _clean(value, uid):
    if isinstance(value, DateTime):
        return "<date>"
    if isinstance(value, str):
        return value.replace(uid, "<uid>")
    if isinstance(value, (list, tuple)):
        return type(value)(_clean(v, uid) for v in value)
    if isinstance(value, dict):
        return {k: _clean(v, uid) for k, v in value.items()}
    return value


def snapshot(site):
    """{id: (attributes, catalog indexes, catalog metadata)} of every Notice."""
    catalog = site.portal_catalog
    found = {}
    for brain in catalog.unrestrictedSearchResults(portal_type="Notice"):
        obj = brain._unrestrictedGetObject()
        uid = obj.UID()
        attrs = {
            k: _clean(v, uid)
            for k, v in obj.__dict__.items()
            if k not in TIMED and not k.startswith("_v_") and k != "workflow_history"
        }
        history = [
            {k: _clean(v, uid) for k, v in entry.items() if k != "time"}
            for entry in obj.workflow_history["rt_infodoc_workflow"]
        ]
        rid = brain.getRID()
        indexes = {
            k: _clean(v, uid) for k, v in catalog.getIndexDataForRID(rid).items() if k not in TIMED
        }
        metadata = {
            k: _clean(v, uid) for k, v in catalog.getMetadataForRID(rid).items() if k not in TIMED
        }
        found[obj.getId()] = (
            attrs,
            history,
            indexes,
            metadata,
            obj.getOwner().getId(),
            bool(uid),
            brain.getPath(),
        )
    return found


def test_bulk_and_classic_writers_leave_the_same_site(site, demo_fund):
    classic = import_file(site, demo_fund, ImportOptions(bulk=False, batch_size=15))
    before = snapshot(site)
    assert len(before) == 40
    for batch in classic.batches:
        revert_batch(site, batch)
    assert snapshot(site) == {}
    fast = import_file(site, demo_fund, ImportOptions(batch_size=15))
    assert fast.counts() == classic.counts()
    after = snapshot(site)
    assert sorted(after) == sorted(before)
    for key in before:
        for part_before, part_after in zip(before[key], after[key], strict=True):
            assert part_after == part_before, key
    # the ordered folder knows them, the intid utility too (relations can point at them)
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    intids = getUtility(IIntIds)
    for obj in site["fonds"].objectValues():
        assert intids.queryId(obj) is not None
    assert sorted(site["fonds"].objectIds()) == sorted(before)


def test_nothing_enters_the_indexing_queue(site, demo_fund):
    writer = BulkNoticeWriter(site)
    index = plan.MatchIndex()
    for n, item in enumerate(items_from_file(demo_fund)):
        if n == 5:
            break
        decision = plan.plan_record(
            item.decode(), index, lambda key: None, "fonds", plan.raw_sha1(item.raw)
        )
        writer.create(decision)
    # the batch as the runner ends it: its event, then its subscribers' last writes
    run = ImportRun(site, "essai")
    notify(BatchWritten(site, run, *writer.finish_batch()))
    run.before_commit()
    # collective.solr's processor gets no Notice (only the folder, once: it was modified)
    queued = [getattr(entry[1], "portal_type", None) for entry in getQueue().getState()]
    assert "Notice" not in queued and len(queued) <= 1
    assert len(site.portal_catalog.unrestrictedSearchResults(portal_type="Notice")) == 5
    transaction.abort()


def test_update_of_a_changed_record_is_indexed_once_in_the_batch(site, tmp_path):
    from rt.infodoc.marc.reader import read_records
    from rt.infodoc.marc.writers import to_iso2709

    import_file(site, DATA / "marcjs_bib.mrc")
    records = [r.record for r in read_records(DATA / "marcjs_bib.mrc")]
    records[5]["200"]["a"] = "Gravures anciennes du seizième siècle"
    changed = tmp_path / "changed.mrc"
    changed.write_bytes(b"".join(to_iso2709(r) for r in records))
    report = import_file(site, changed)
    assert (report.updated, report.unchanged) == (1, 5)
    from plone.app.testing import logout

    logout()
    brains = api.content.find(portal_type="Notice", SearchableText="anciennes")
    assert [b.getId for b in brains] == ["nfrbnf32385266000000x"]
    assert brains[0].Title == "Gravures anciennes du seizième siècle"


def test_committed_notices_leave_the_cache_and_load_again(site, demo_fund):
    """After each batch's commit its Notices become ghosts (the ZODB cache keeps the
    catalog's buckets for the next batch); reading one loads it again, unchanged."""
    from rt.infodoc.marc.mapping import to_notice
    from rt.infodoc.marc.reader import read_records

    report = import_file(site, demo_fund, ImportOptions(batch_size=15))
    assert report.created == 40
    notices = [site["fonds"]._getOb(obj_id) for obj_id in site["fonds"].objectIds()]
    assert len(notices) == 40
    assert all(obj.aq_base._p_changed is None for obj in notices)  # ghosts
    titles = {
        to_notice(result.record, result.flavour)["title"] for result in read_records(str(demo_fund))
    }
    assert {obj.title for obj in notices} <= titles
    assert all(obj.aq_base._p_changed is False for obj in notices)  # loaded again
    brains = site.portal_catalog.unrestrictedSearchResults(portal_type="Notice")
    assert sorted(b.getPath().rsplit("/", 1)[-1] for b in brains) == sorted(
        obj.getId() for obj in notices
    )


def test_update_drops_the_oai_metadata_cached_for_the_record(site, tmp_path):
    """The provider caches each record's metadata under its datestamp key; an import
    that updates the record must drop it even when the new datestamp falls in the
    same second as the old one (the bulk writer sends no modification event)."""
    from lxml import etree

    from rt.infodoc.marc.reader import read_records
    from rt.infodoc.marc.writers import to_iso2709
    from rt.infodoc.oaiprovider.cache import get_cache
    from rt.infodoc.oaiprovider.subscribers import cached_keys
    from rt.infodoc.oaiprovider.view import serve

    import_file(site, DATA / "marcjs_bib.mrc")
    notice = site["fonds"]["nfrbnf32385266000000x"]
    identifier = f"oai:rt-infodoc:{notice.UID()}"

    def title_served():
        answer = etree.fromstring(
            serve(
                site,
                [("verb", "GetRecord"), ("metadataPrefix", "oai_dc"), ("identifier", identifier)],
            )
        )
        return answer.findtext(".//{http://purl.org/dc/elements/1.1/}title")

    old_title = title_served()
    old_keys = cached_keys(site, notice)
    cache = get_cache(site)
    assert [key for key in old_keys if cache.get(key, "oai_dc")]  # the record is cached
    transaction.commit()

    records = [r.record for r in read_records(DATA / "marcjs_bib.mrc")]
    records[5]["200"]["a"] = "Gravures anciennes du seizième siècle"
    changed = tmp_path / "changed.mrc"
    changed.write_bytes(b"".join(to_iso2709(r) for r in records))
    assert import_file(site, changed).updated == 1

    assert not [key for key in old_keys if get_cache(site).get(key, "oai_dc")]
    new_title = title_served()
    assert new_title.startswith("Gravures anciennes du seizième siècle")
    assert not old_title.startswith("Gravures anciennes")
