"""Harvest an OAI-PMH source into the site through the importer (Zope).

    harvest_report, import_report = harvest_into_site(site, url, source="cosoter")

Identify and ListMetadataFormats pick the format (``pmb_xml_unimarc`` for PMB,
else unimarc, marcxml, oai_dc); the harvest is incremental from the last
successful datestamp of the source; each record goes through ``import_records``
(same matching, same report, one commit per batch); a deleted header withdraws
its Notice (``apply_deleted``, COSOTer id = the OAI identifier after its last ':').
"""

from rt.infodoc.harvesting.core.client import OAIClient
from rt.infodoc.harvesting.core.errors import HarvestError
from rt.infodoc.harvesting.core.harvester import Harvester
from rt.infodoc.harvesting.core.state import HarvestState
from rt.infodoc.importer.index import build_index
from rt.infodoc.importer.options import ImportOptions
from rt.infodoc.importer.report import ImportReport
from rt.infodoc.importer.runner import apply_deleted
from rt.infodoc.importer.runner import import_records

from .identifiers import cosoter_id
from .records import to_read_result
from .site_state import SiteHarvestState
from .sources import Source
from .sources import check_name
from .summary import run_summary

DEFAULT_BATCH_SIZE = 100


class _StateView:
    """A state the harvester reads (unless ``fresh``) and writes (unless ``read_only``)."""

    def __init__(self, state, fresh=False, read_only=False):
        self.state, self.fresh, self.read_only = state, fresh, read_only

    def get(self, key):
        return None if self.fresh else self.state.get(key)

    def update(self, key, **entry):
        if not self.read_only:
            self.state.update(key, **entry)


class _Feed:
    """Turns the harvester's records into ReadResults for the importer, handles
    deleted headers on the way, and stops cleanly when the harvest breaks off."""

    def __init__(self, site, harvester, options, import_source):
        self.site = site
        self.harvester = harvester
        self.options = options
        self.import_source = import_source
        self.deleted = []  # {"identifier", "cosoter_id", "path", "title", "previous_state"}
        self.failed = False
        self._index = None  # catalog snapshot, built at the first deleted header

    def __iter__(self):
        position = 0
        try:
            for record in self.harvester.records():
                if record.deleted:
                    self._delete(record)
                    continue
                position += 1
                yield to_read_result(record, position)
        except HarvestError:
            # Recorded in the harvest report.  What was imported stays (committed per
            # batch) but a partial list must not withdraw the Notices it did not reach.
            self.failed = True
            self.options.withdraw_missing = False

    def _delete(self, record):
        ident = cosoter_id(record.identifier)
        entry = {
            "identifier": record.identifier,
            "cosoter_id": ident,
            "path": None,
            "title": None,
            "previous_state": None,
        }
        if self._index is None:
            self._index = build_index(self.site)
        key = self._index.by_cosoter.get(ident) if ident else None
        if key is not None:
            obj = self.site.unrestrictedTraverse(key, None)
            if obj is not None:
                workflow = self.site.portal_workflow
                entry.update(
                    path=key,
                    title=obj.Title(),
                    previous_state=workflow.getInfoFor(obj, "review_state", None),
                )
            if not self.options.dry_run:
                apply_deleted(self.site, ident, source=self.import_source)
        self.deleted.append(entry)


def _state(site, base_url, state_path, full, dry_run):
    store = HarvestState(state_path) if state_path else SiteHarvestState(site, base_url)
    return _StateView(store, fresh=full, read_only=dry_run)


def _merge_deletions(report, deleted):
    """Deleted headers in the import report: withdrawals, or warnings when unknown."""
    for entry in deleted:
        if entry["path"] is None:
            report.warn(
                None,
                entry["cosoter_id"],
                f"notice supprimée dans la source, absente du site ({entry['identifier']})",
            )
            continue
        if entry["previous_state"] == "private":
            report.warn(
                None,
                entry["cosoter_id"],
                f"notice supprimée dans la source, déjà retirée ({entry['path']})",
            )
            continue
        report.withdrawn += 1
        report.withdrawals.append(
            {
                "path": entry["path"],
                "cosoter_id": entry["cosoter_id"],
                "title": entry["title"],
                "previous_state": entry["previous_state"],
                "reason": "supprimée dans la source",
            }
        )


def harvest_into_site(
    site,
    base_url,
    *,
    prefix=None,
    sets=None,
    from_=None,
    until=None,
    source="cosoter",
    state_path=None,
    dry_run=False,
    full=False,
    client=None,
    batch_size=DEFAULT_BATCH_SIZE,
    container="fonds",
    progress=None,
    keep_run=True,
):
    """Harvest ``base_url`` into ``site``; return (HarvestReport, ImportReport).

    - ``source``: the name of the source: provenance of the Notices (ImportOptions.source)
      and key of its incremental state (with its sets);
    - ``from_``/``until``: OAI datestamps; without ``from_`` the harvest starts after the
      last successful one of this source (unless ``full``);
    - ``state_path``: keep the incremental state in this JSON file instead of the site;
    - ``full``: harvest everything from the origin; without sets, from or until it is a
      full synchronisation: Notices of the source absent from the list are withdrawn
      (PMB does not keep deleted records by default, so that is how they go);
    - ``dry_run``: the same reports, nothing saved (state included).

    Commits per batch (the importer) and once at the end (the run history); raises
    only for errors of the site itself (harvest errors are in the HarvestReport).
    """
    check_name(source)
    spec = Source(source, base_url, prefix, tuple(sets or ()))
    client = client or OAIClient(base_url)
    harvester = Harvester(
        client,
        prefix=prefix,
        sets=list(spec.sets),
        from_=from_,
        until=until,
        source=spec.state_key,
        state=_state(site, base_url, state_path, full, dry_run),
    )
    full_sync = bool(full and not spec.sets and from_ is None and until is None)
    options = ImportOptions(
        dry_run=dry_run,
        withdraw_missing=full_sync,
        source=source,
        container=container,
        batch_size=batch_size,
    )
    feed = _Feed(site, harvester, options, source)
    label = f"oai:{base_url}"
    items = iter(feed)
    try:
        first = next(items)
    except StopIteration:
        first = None
    if harvester.report.status == "failed" and harvester.report.pages == 0:
        import_report = ImportReport(source=label, import_source=source, dry_run=dry_run)
        import_report.status = "failed"
        import_report.error = "le moissonnage n'a pas pu commencer"
    else:

        def chained():
            if first is not None:
                yield first
            yield from items

        import_report = import_records(site, chained(), options, progress, source_name=label)
    _merge_deletions(import_report, feed.deleted)
    if keep_run and not dry_run:
        _keep_run(site, source, harvester.report, import_report)
    return harvester.report, import_report


def _keep_run(site, source, harvest_report, import_report):
    import transaction

    from .site_state import record_run

    record_run(site, source, run_summary(harvest_report, import_report))
    transaction.commit()
