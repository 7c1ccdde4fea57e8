"""Run an import against a site: plan each record, apply it, commit per batch (Zope).

Public API (used by scripts/import-marc, the @@import-marc page and the harvester):

    import_file(site, path, options=None, progress=None) -> ImportReport
    import_records(site, results, options=None, progress=None, source_name="") -> ImportReport
    apply_deleted(site, cosoter_id, source="cosoter") -> str | None
    revert_batch(site, batch_id) -> dict

Each batch is one transaction holding its Notices, its journal entry and the
checkpoint of the file; a run killed at any moment resumes after its last
committed batch.
"""

import time

import transaction
from ZODB.POSException import ConflictError
from zope.event import notify

from . import damage
from . import keys
from . import plan
from .apply import WITHDRAWN_STATE
from .apply import NoticeWriter
from .batches import Checkpoint
from .batches import batch_id
from .batches import batched
from .batches import file_sha1
from .batches import new_run_id
from .batches import now_iso
from .bulk import BulkNoticeWriter
from .events import BatchWritten
from .events import ImportRun
from .failpoint import failpoint
from .guard import DamageGuard
from .index import build_index
from .options import ImportOptions
from .report import ImportReport
from .sources import items_from_file
from .sources import items_from_results
from .state import get_state
from .state import new_journal

CONFLICT_RETRIES = 3


class _Run:
    def __init__(self, site, options, report, file_digest, progress):
        self.site = site
        self.options = options
        self.report = report
        self.file_digest = file_digest
        self.progress = progress
        self.state = get_state(site, create=not options.dry_run)
        if options.bulk and not options.dry_run:
            self.writer = BulkNoticeWriter(site, options.container, options.source)
        else:
            self.writer = NoticeWriter(site, options.container, options.source)
        self.index = build_index(site)
        self.guard = DamageGuard(self.state, report, self.index, options, report.source)
        self.seen = set()  # keys of the Notices present in the source
        self.run_hashes = {}  # key -> content hash written (or planned) by this run
        self.checkpoint = None
        self.run_id = new_run_id(file_digest)
        self.resume_position = 0
        self.batch_number = 0
        self.done = 0
        self.subscribers = None  # the ImportRun its batches' subscribers see

    # --- checkpoint ----------------------------------------------------------------

    def load_checkpoint(self):
        if self.options.dry_run or not self.file_digest or self.state is None:
            return
        data = self.state.checkpoints.get(self.file_digest)
        if data:
            checkpoint = Checkpoint.from_dict(data)
            if self.options.resume and checkpoint.resumable():
                self.checkpoint = checkpoint
                self.run_id = checkpoint.run_id
                self.resume_position = checkpoint.position
                self.batch_number = checkpoint.batches
                previous = ImportReport.from_dict(checkpoint.report)
                for name in (
                    "records",
                    "created",
                    "updated",
                    "unchanged",
                    "rejected",
                    "held",
                    "rejections",
                    "damaged",
                    "key_changes",
                    "warnings",
                    "warning_count",
                    "batches",
                    "started",
                ):
                    setattr(self.report, name, getattr(previous, name))
                self.report.resumed_at = checkpoint.position
                return
        self.checkpoint = Checkpoint(self.file_digest, self.run_id)

    def save_checkpoint(self, position, done=False):
        if self.checkpoint is None:
            return
        self.checkpoint.position = position
        self.checkpoint.batches = self.batch_number
        self.checkpoint.done = done
        self.checkpoint.updated = now_iso()
        self.checkpoint.report = self.report.to_dict()
        self.state.checkpoints[self.file_digest] = self.checkpoint.to_dict()

    # --- one record ------------------------------------------------------------------

    def existing_hash(self, key):
        if key in self.run_hashes:
            return self.run_hashes[key]
        return self.writer.stored_hash(key)

    def fast_skip(self, item, digest):
        """Key of an unchanged, present Notice known by its raw bytes, else None."""
        if self.state is None or not digest:
            return None
        key = self.state.by_raw.get(digest)
        if key is None or key not in self.index.keys:
            return None
        return key

    def replayed(self, item):
        """A record before the resumed checkpoint: only note its Notice as present."""
        digest = plan.raw_sha1(item.raw) if item.raw else None
        key = self.fast_skip(item, digest)
        if key:
            self.seen.add(key)
            self.guard.sound_record(key, item.position)

    def handle(self, item, journal):
        digest = plan.raw_sha1(item.raw) if item.raw else None
        entry = self.guard.known(digest)  # a repaired record is never fast-skipped
        key = None if entry is not None else self.fast_skip(item, digest)
        if key is not None:
            self.seen.add(key)
            self.guard.sound_record(key, item.position)
            self.report.count("unchanged")
            return
        result = item.decode()
        decision = plan.plan_record(
            result, self.index, self.existing_hash, self.options.container, digest
        )
        if decision.action == plan.REJECT:
            self.report.reject(
                decision.position, decision.offset, decision.identifier, decision.reason
            )
            self.guard.rejected(decision, result)
            self._protect(decision.identifier)
            return
        verdict = self.guard.screen(item, result, decision, digest, entry)
        if verdict is not None and verdict.outcome in (damage.HELD, damage.REJECTED):
            self._protect(decision.identifier)
            return
        dry = self.options.dry_run
        if decision.action == plan.CREATE:
            key, uid = (decision.key, None) if dry else self.writer.create(decision)
            journal["created"].append({"key": key, "uid": uid, "raw_sha1": digest})
            self.index.add_mapped(key, decision.mapped)
        elif decision.action == plan.UPDATE:
            key = decision.key
            self._keep_keys(decision, damaged=verdict is not None)
            if not dry:
                previous = self.writer.update(decision)
                journal["updated"].append(
                    {
                        "key": key,
                        "previous": previous,
                        "raw_sha1": digest,
                    }
                )
            self.index.add_mapped(key, decision.mapped)
        else:
            key = decision.key
            if not dry and verdict is None:
                self.writer.refresh_raw(key, digest)
        if not dry and digest:
            # a repaired record's bytes are never a shortcut: it is read (and
            # reported) by every run
            self._remember_raw(key, digest if verdict is None else None, journal)
        self.run_hashes[key] = decision.content_hash
        self.seen.add(key)
        self.report.count(
            {"create": "created", "update": "updated"}.get(decision.action, "unchanged")
        )
        for warning in decision.warnings:
            self.report.warn(decision.position, decision.identifier, warning)
        self.guard.applied(decision, result, verdict, key)

    def _keep_keys(self, decision, damaged):
        """The Notice keeps its 001, and its ISBN/ISSN unless a sound record
        dropped them (``keys.py``); what was kept or removed is reported."""
        existing = keys.notice_keys(self.writer.get(decision.key))
        decision.mapped, changes = keys.merge_keys(existing, decision.mapped, damaged)
        for change in changes:
            self.report.key_change(
                decision.position, decision.identifier, decision.key, keys.change_text(change)
            )

    def _remember_raw(self, key, digest, journal):
        by_raw = self.state.by_raw
        if digest and by_raw.get(digest) != key:
            by_raw[digest] = key
            journal.setdefault("raw_added", []).append(digest)
        source_keys = self.state.source_keys(self.options.source)
        if key not in source_keys:
            source_keys.insert(key)

    def _protect(self, identifier):
        """A rejected record still names its Notice: never withdraw it for that."""
        if identifier and identifier in self.index.by_cosoter:
            self.seen.add(self.index.by_cosoter[identifier])

    # --- batches ---------------------------------------------------------------------

    def run_batch(self, items):
        for attempt in range(CONFLICT_RETRIES + 1):
            saved = self.report.to_dict()
            self.batch_number += 1
            number = self.batch_number
            journal = new_journal(
                batch_id(self.run_id, number), self.run_id, self.file_digest, self.options.source
            )
            try:
                self._apply_batch(items, journal)
                return
            except ConflictError:
                transaction.abort()
                self.writer.abort()
                self.subscribers.abort()
                if attempt == CONFLICT_RETRIES:
                    raise
                self.batch_number -= 1
                self.report = ImportReport.from_dict(saved)
                self.index = build_index(self.site)
                self.guard.report, self.guard.index = self.report, self.index
                self.run_hashes.clear()

    def _apply_batch(self, items, journal):
        last = None
        for item in items:
            last = item.position
            if item.position <= self.resume_position:
                self.replayed(item)
                continue
            if journal["first_position"] is None:
                journal["first_position"] = item.position
            self.report.records += 1
            self.handle(item, journal)
            self.done += 1
            if self.progress is not None:
                self.progress.update(self.report.records)
        if journal["first_position"] is None:
            self.batch_number -= 1
            return  # the whole batch was committed by the interrupted run
        journal["last_position"] = last
        if self.options.dry_run:
            return
        if journal["created"] or journal["updated"]:
            self.state.journal[journal["batch_id"]] = journal
            self.report.batches.append(journal["batch_id"])
        self.save_checkpoint(last)
        self.batch_written()
        transaction.commit()
        failpoint("after-batch-commit", self.batch_number)
        self.writer.after_commit()
        self.subscribers.after_commit()
        self.site._p_jar.cacheGC()

    def batch_written(self):
        """``IBatchWritten`` for what the writer wrote in bulk, then the subscribers'
        last writes in the batch's transaction."""
        created, updated = self.writer.finish_batch()
        notify(BatchWritten(self.site, self.subscribers, created, updated))
        self.subscribers.before_commit()

    def withdraw_missing(self):
        source_keys = self.state.sources.get(self.options.source, ()) if self.state else ()
        protected = self.guard.protected()
        missing = [key for key in source_keys if key not in self.seen and key not in protected]
        if not missing:
            return
        blocked = self.guard.withdrawal_block()
        if blocked:
            self.report.withdrawals_suspended = blocked
            return
        self.batch_number += 1
        journal = new_journal(
            batch_id(self.run_id, self.batch_number),
            self.run_id,
            self.file_digest,
            self.options.source,
        )
        for key in missing:
            obj = self.writer.get(key)
            if obj is None or getattr(obj, "_rt_import_withdrawn", False):
                continue
            if self.options.dry_run:
                previous = self.writer.review_state(obj)
                title, cosoter_id = obj.Title(), getattr(obj, "cosoter_id", None)
            else:
                previous, title, cosoter_id = self.writer.withdraw(key)
                digest = getattr(obj, "_rt_import_raw_sha1", None)
                if digest and self.state.by_raw.get(digest) == key:
                    del self.state.by_raw[digest]
                journal["withdrawn"].append(
                    {"key": key, "previous_state": previous, "raw_sha1": digest}
                )
            self.report.withdrawn += 1
            self.report.withdrawals.append(
                {"path": key, "cosoter_id": cosoter_id, "title": title, "previous_state": previous}
            )
        if journal["withdrawn"]:
            self.state.journal[journal["batch_id"]] = journal
            self.report.batches.append(journal["batch_id"])

    def run(self, items):
        started = time.monotonic()
        self.report.started = self.report.started or now_iso()
        self.load_checkpoint()
        self.subscribers = ImportRun(self.site, self.run_id)
        stopped = False
        try:
            for chunk in batched(items, self.options.batch_size):
                self.run_batch(chunk)
                if self.options.limit and self.done >= self.options.limit:
                    stopped = True
                    break
            self.guard.finish()
            if self.options.withdraw_missing and not stopped:
                self.withdraw_missing()
        except Exception as exc:
            transaction.abort()
            self.writer.abort()
            self.subscribers.abort()
            self.subscribers.stop()
            self.report.status = "failed"
            self.report.error = f"import interrompu : {exc.__class__.__name__}: {exc}"
            self.report.finish(now_iso(), time.monotonic() - started)
            raise
        self.report.finish(now_iso(), time.monotonic() - started)
        if self.options.dry_run:
            transaction.abort()
        else:
            if self.checkpoint is not None:
                self.save_checkpoint(self.checkpoint.position, done=not stopped)
            self.batch_written()
            self.subscribers.close()
            transaction.commit()
        if self.progress is not None:
            self.progress.finish()
        return self.report


def import_records(site, results, options=None, progress=None, source_name="", file_digest=None):
    """Import decoded records (ReadResult iterable) into ``site``; commits per batch."""
    options = options or ImportOptions()
    report = ImportReport(
        source=source_name,
        file_sha1=file_digest,
        import_source=options.source,
        dry_run=options.dry_run,
        withdraw_missing=options.withdraw_missing,
    )
    items = results if file_digest else items_from_results(results)
    return _Run(site, options, report, file_digest, progress).run(items)


def import_file(site, path, options=None, progress=None, source_name=None):
    """Import a MARC file (ISO 2709 or XML) into ``site``; commits per batch.

    ``source_name`` names the file in the report and the held records (default:
    its path)."""
    options = options or ImportOptions()
    digest = file_sha1(path)
    return import_records(
        site,
        items_from_file(path, options.flavour),
        options,
        progress,
        source_name=source_name or str(path),
        file_digest=digest,
    )


def apply_deleted(site, cosoter_id, source="cosoter"):
    """An OAI ``deleted`` header: the Notice goes private (not deleted).

    Returns the key of the withdrawn Notice, or None when no Notice has this
    identifier.  Does not commit: the caller (the harvester) commits.
    """
    index = build_index(site)
    key = index.by_cosoter.get(cosoter_id)
    if key is None:
        return None
    writer = NoticeWriter(site, source=source)
    obj = writer.get(key)
    if obj is None:
        return None
    writer.withdraw(key)
    state = get_state(site)
    digest = getattr(obj, "_rt_import_raw_sha1", None)
    if digest and state.by_raw.get(digest) == key:
        del state.by_raw[digest]
    return key


def revert_batch(site, batch):
    """Undo one batch: delete what it created, restore what it updated or withdrew.

    Commits; returns {"deleted", "restored", "republished"} counts.  Raises KeyError
    for an unknown batch id and ValueError when it was already reverted.
    """
    state = get_state(site)
    journal = state.journal.get(batch)
    if journal is None:
        raise KeyError(batch)
    if journal.get("reverted"):
        raise ValueError(batch)
    writer = NoticeWriter(site, source=journal.get("source") or "cosoter")
    counts = {"deleted": 0, "restored": 0, "republished": 0}
    for digest in journal.get("raw_added", []):
        if digest in state.by_raw:
            del state.by_raw[digest]
    for entry in journal["created"]:
        if writer.delete(entry["key"]):
            counts["deleted"] += 1
        keys = state.sources.get(journal.get("source"))
        if keys is not None and entry["key"] in keys:
            keys.remove(entry["key"])
    for entry in reversed(journal["updated"]):
        if writer.restore(entry["key"], entry["previous"]):
            counts["restored"] += 1
            old = entry["previous"].get("_rt_import_raw_sha1")
            if old:
                state.by_raw[old] = entry["key"]
    for entry in journal["withdrawn"]:
        if writer.set_state(entry["key"], entry["previous_state"] or WITHDRAWN_STATE):
            counts["republished"] += 1
            if entry.get("raw_sha1"):
                state.by_raw[entry["raw_sha1"]] = entry["key"]
    journal = dict(journal, reverted=True, reverted_at=now_iso())
    state.journal[batch] = journal
    if journal.get("file_sha1") in state.checkpoints:
        del state.checkpoints[journal["file_sha1"]]
    transaction.commit()
    return counts
