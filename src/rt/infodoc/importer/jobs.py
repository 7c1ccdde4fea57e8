"""Imports started from the upload page run in the background (Zope).

The page keeps the uploaded file under ``<var>/imports/``, writes a job record in
the import state, commits, and starts a thread with its own ZODB connection that
runs ``import_file`` as the documentaliste who sent the file; the request returns
at once.  The page then follows the job through ``@@import-marc-progress``:

- in the Zope process running the job, the count is exact (``LIVE``, updated at
  every record);
- elsewhere (another ZEO client), the job record says how far the last committed
  batch went (``done`` and ``updated``, written with each batch).

A job whose thread is gone (Zope restarted or killed) is *interrupted*: in the
process that started it, at once (its thread is not alive); seen from another
process, when nothing was committed for ``STALE_AFTER`` seconds.  Its file is kept:
"Reprendre" starts a new job on it, and the import's checkpoint makes it continue
after the last committed batch (nothing twice, nothing lost).  One job at a time
per site: imports in parallel would fight over the same Notices.

A finished import can be undone from its page ("Annuler cet import", as Koha's
"Undo import into catalog"): a *revert* job reverts its batches, newest first
(``runner.revert_batch``, one transaction each; an interrupted revert resumed skips
the batches already reverted).  Only the latest import that wrote something can be
undone: reverting an older one would put back values a later import replaced.

    start_job(site, upload_path, filename, options) -> job id  (raises JobRefused)
    start_revert(site, job_id) -> job id: undo every batch of that import's run
    resume_job(site, job_id) -> new job id
    job_view(site, job_id) -> dict for the page and its JSON, or None
    recent_jobs(site, count=5) -> [dict]
"""

import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
from datetime import UTC
from datetime import datetime
from pathlib import Path

import transaction
from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

from rt.infodoc import _

from .archive import store_report
from .options import ImportOptions
from .sources import count_records
from .state import get_state

logger = logging.getLogger("rt.infodoc.importer")

STALE_AFTER = 300  # seconds without a committed batch: a job of another process is dead
PROCESS = uuid.uuid4().hex  # this Zope process
LIVE = {}  # job id -> {"done", "total", "started"} for the jobs this process runs
_threads = {}  # job id -> Thread
_ended = {}  # job id -> its final record, for requests reading an older ZODB snapshot
_lock = threading.Lock()

IMPORT, REVERT = "import", "revert"
QUEUED, RUNNING, DONE, FAILED, INTERRUPTED = ("queued", "running", "done", "failed", "interrupted")
# message ids of the domain: the import page translates them (tal:content)
STATUS_LABELS = {
    QUEUED: _("en attente"),
    RUNNING: _("en cours"),
    DONE: _("terminé"),
    FAILED: _("échoué"),
    INTERRUPTED: _("interrompu"),
}


class JobRefused(Exception):
    """A job cannot start now (French message for the page)."""


def _now():
    return time.time()


def _iso(stamp):
    if not stamp:
        return ""
    return datetime.fromtimestamp(stamp, UTC).astimezone().strftime("%d/%m/%Y %H:%M")


def jobs_tree(state, create=False):
    """The state's job list (``create`` is kept for callers; the list always exists)."""
    return state.jobs if state is not None else None


def job_dir() -> Path:
    """Where uploaded files wait for (and during) their import."""
    var = os.environ.get("RT_INFODOC_VAR")
    base = Path(var) if var else Path(tempfile.gettempdir()) / "rt-infodoc"
    folder = base / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _alive(job_id):
    thread = _threads.get(job_id)
    return thread is not None and thread.is_alive()


def _current(job):
    """The record as this process knows it: a request whose ZODB snapshot predates
    the end of a job this process ran still reads it as running."""
    if job.get("status") in (QUEUED, RUNNING):
        return _ended.get(job["id"], job)
    return job


def effective_status(job, now=None):
    """The job's status as a reader should see it (a dead job is interrupted)."""
    job = _current(job)
    status = job.get("status")
    if status not in (QUEUED, RUNNING):
        return status
    if job.get("process") == PROCESS:
        return status if _alive(job["id"]) else INTERRUPTED
    now = now if now is not None else _now()
    if now - (job.get("updated") or 0) > STALE_AFTER:
        return INTERRUPTED
    return status


def _tree(site):
    state = get_state(site, create=False)
    return jobs_tree(state) if state is not None else None


def running_job(site):
    """The job of this site still queued or running, or None."""
    tree = _tree(site)
    if not tree:
        return None
    for job in reversed(list(tree.values())):
        if effective_status(job) in (QUEUED, RUNNING):
            return job
    return None


def _new_id():
    """Sortable by start time (to the microsecond), unique."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + uuid.uuid4().hex[:6]


def start_job(site, upload_path, filename, options: ImportOptions, user_id=None):
    """Record a job for ``upload_path`` (moved under ``job_dir()``), commit, start it."""
    if running_job(site) is not None:
        raise JobRefused(
            "Un import est déjà en cours : attendez sa fin avant d'en lancer un autre."
        )
    job_id = _new_id()
    path = job_dir() / f"{job_id}.mrc"
    user_id = user_id or getSecurityManager().getUser().getId()
    job = {
        "id": job_id,
        "kind": IMPORT,
        "filename": filename,
        "path": str(path),
        "status": QUEUED,
        "user": user_id,
        "dry_run": options.dry_run,
        "withdraw_missing": options.withdraw_missing,
        "total": None,
        "done": 0,
        "created": _now(),
        "updated": _now(),
        "finished": None,
        "report_id": None,
        "error": None,
        "process": PROCESS,
        "resumed_from": None,
    }
    return _launch(site, job, upload=(upload_path, path))


def resume_job(site, job_id):
    """Start a new job on the file of an interrupted or failed one."""
    tree = _tree(site)
    job = tree.get(job_id) if tree else None
    if job is None:
        raise JobRefused("Import inconnu.")
    if effective_status(job) not in (INTERRUPTED, FAILED) or not _resumable_input(job):
        raise JobRefused("Cet import ne peut pas être repris.")
    if running_job(site) is not None:
        raise JobRefused(
            "Un import est déjà en cours : attendez sa fin avant d'en lancer un autre."
        )
    tree[job_id] = dict(job, status=effective_status(job), resumable=False)
    user_id = getSecurityManager().getUser().getId()
    new = dict(
        job,
        id=_new_id(),
        kind=job.get("kind", IMPORT),
        status=QUEUED,
        user=user_id,
        done=0,
        created=_now(),
        updated=_now(),
        finished=None,
        report_id=None,
        error=None,
        process=PROCESS,
        resumed_from=job_id,
        resumable=True,
    )
    return _launch(site, new)


def _resumable_input(job):
    if job.get("kind", IMPORT) == REVERT:
        return True
    return Path(job["path"]).exists()


def revertable(site, job_id):
    """Why the import ``job_id`` cannot be undone (French), or None when it can."""
    tree = _tree(site)
    job = tree.get(job_id) if tree else None
    if job is None or job.get("kind", IMPORT) != IMPORT:
        return "Import inconnu."
    job = _current(job)
    if effective_status(job) != DONE or job.get("dry_run") or not job.get("batches"):
        return "Cet import n'a rien enregistré à annuler."
    if job.get("reverted_by"):
        return "Cet import a déjà été annulé."
    for later in tree.values():
        if (
            later["created"] > job["created"]
            and later.get("kind", IMPORT) == IMPORT
            and later.get("batches")
            and not later.get("reverted_by")
        ):
            return (
                "Un import plus récent a modifié le fonds : seul le dernier import "
                "peut être annulé."
            )
    return None


def start_revert(site, job_id):
    """Start a job undoing every batch of the import ``job_id``."""
    problem = revertable(site, job_id)
    if problem:
        raise JobRefused(problem)
    if running_job(site) is not None:
        raise JobRefused(
            "Un import est déjà en cours : attendez sa fin avant d'en lancer un autre."
        )
    job = _tree(site)[job_id]
    user_id = getSecurityManager().getUser().getId()
    revert = {
        "id": _new_id(),
        "kind": REVERT,
        "of": job_id,
        "filename": job["filename"],
        "path": job["path"],
        "status": QUEUED,
        "user": user_id,
        "dry_run": False,
        "withdraw_missing": False,
        "total": job.get("written"),
        "done": 0,
        "created": _now(),
        "updated": _now(),
        "finished": None,
        "report_id": None,
        "error": None,
        "process": PROCESS,
        "resumed_from": None,
        "counts": None,
    }
    return _launch(site, revert)


def record(state, job):
    """Write ``job`` in the job list of the import ``state`` and mark the state
    object itself as written, uncommitted (see ``_launch``)."""
    jobs_tree(state, create=True)[job["id"]] = job
    state.last_launch = job["id"]


def _launch(site, job, upload=None):
    """Record ``job`` and start its thread; ``upload`` (source, destination): the
    uploaded file, moved once the record is committed.

    The launch also writes the import state object itself: two launches at the same
    moment then conflict whatever the job list's conflict resolution makes of their
    records, and the request that Zope retries finds the other job running."""
    record(get_state(site), job)
    transaction.commit()
    if upload is not None:
        shutil.move(str(upload[0]), upload[1])
    thread = threading.Thread(
        target=_run,
        name=f"import-marc-{job.get('kind', IMPORT)}-{job['id']}",
        daemon=True,
        args=(site._p_jar.db(), "/".join(site.getPhysicalPath()), job["id"]),
    )
    with _lock:
        LIVE[job["id"]] = {"done": 0, "total": None, "started": time.monotonic()}
        _threads[job["id"]] = thread
    thread.start()
    return job["id"]


class JobProgress:
    """What the runner reports after each record: kept in ``LIVE`` for this process,
    and in the job record (committed with the batch) at most every 2 seconds."""

    def __init__(self, tree, job_id, total):
        self.tree = tree
        self.job_id = job_id
        self.total = total
        self.last_write = 0.0

    def update(self, done):
        live = LIVE.get(self.job_id)
        if live is not None:
            live["done"] = done
        now = _now()
        if now - self.last_write >= 2:
            self.last_write = now
            self.tree[self.job_id] = dict(self.tree[self.job_id], done=done, updated=now)

    def finish(self):
        pass


def _update(tree, job_id, **changes):
    tree[job_id] = dict(tree[job_id], updated=_now(), **changes)
    transaction.commit()


def _user(site, app, user_id):
    for folder in (site.acl_users, app.acl_users):
        user = folder.getUserById(user_id)
        if user is not None:
            return user.__of__(folder)
    return None


def _run(db, site_path, job_id):
    connection = db.open()
    transaction.begin()
    site = None
    try:
        app = makerequest(connection.root()["Application"])
        site = app.unrestrictedTraverse(site_path)
        setSite(site)
        tree = jobs_tree(get_state(site))
        job = tree[job_id]
        user = _user(site, app, job["user"])
        if user is None:
            raise RuntimeError(f"utilisateur inconnu : {job['user']}")
        newSecurityManager(None, user)
        body = _revert if job.get("kind") == REVERT else _import
        _update(tree, job_id, status=DONE, finished=_now(), **body(site, tree, job))
        _ended[job_id] = dict(tree[job_id])
    except Exception as exc:  # noqa: B902 - the page must say why; the file stays
        logger.exception("Job %s failed", job_id)
        transaction.abort()
        try:
            tree = jobs_tree(get_state(site))  # a None site fails here: logged below
            _update(
                tree,
                job_id,
                status=FAILED,
                finished=_now(),
                error=f"{exc.__class__.__name__} : {exc}",
            )
            _ended[job_id] = dict(tree[job_id])
        except Exception:  # noqa: B902
            transaction.abort()
            logger.exception("Job %s: its failure could not be recorded", job_id)
    finally:
        transaction.abort()
        noSecurityManager()
        setSite(None)
        connection.close()
        with _lock:
            LIVE.pop(job_id, None)


def _import(site, tree, job):
    from .runner import import_file

    job_id = job["id"]
    total = count_records(job["path"])
    LIVE[job_id]["total"] = total
    _update(tree, job_id, status=RUNNING, total=total)
    options = ImportOptions(dry_run=job["dry_run"], withdraw_missing=job["withdraw_missing"])
    report = import_file(
        site,
        job["path"],
        options,
        progress=JobProgress(tree, job_id, total),
        source_name=job["filename"],
    )
    report.source = job["filename"]
    report_id = store_report(site, report)
    Path(job["path"]).unlink(missing_ok=True)
    written = report.created + report.updated + report.withdrawn
    return {
        "done": report.records,
        "report_id": report_id,
        "batches": list(report.batches) if not report.dry_run else [],
        "written": written,
    }


def _revert(site, tree, job):
    from .runner import revert_batch

    job_id, of = job["id"], job["of"]
    imported = tree[of]
    journal = get_state(site).journal
    _update(tree, job_id, status=RUNNING)
    counts = {"deleted": 0, "restored": 0, "republished": 0}
    done = 0
    for batch in reversed(imported.get("batches") or []):
        entry = journal.get(batch)
        if entry is None:
            continue
        size = len(entry["created"]) + len(entry["updated"]) + len(entry["withdrawn"])
        if entry.get("reverted"):  # by the interrupted job this one resumes
            done += size
            continue
        tree[job_id] = dict(tree[job_id], done=done, updated=_now())
        for name, value in revert_batch(site, batch).items():  # commits
            counts[name] += value
        done += size
        LIVE[job_id]["done"] = done
    tree[of] = dict(tree[of], reverted_by=job_id)
    return {"done": done, "counts": counts}


def wait(job_id, timeout=None):
    """Wait for this process's thread of ``job_id`` (scripts and tests)."""
    thread = _threads.get(job_id)
    if thread is not None:
        thread.join(timeout)
        return not thread.is_alive()
    return True


def job_view(site, job_id):
    """What the page shows of a job: status, counts, rate; None when unknown."""
    tree = _tree(site)
    job = tree.get(job_id) if tree else None
    if job is None:
        return None
    job = _current(job)
    status = effective_status(job)
    done, total = job.get("done") or 0, job.get("total")
    live = LIVE.get(job_id)
    rate = None
    if live is not None and status in (QUEUED, RUNNING):
        done, total = live["done"], live["total"] if live["total"] is not None else total
        elapsed = time.monotonic() - live["started"]
        rate = done / elapsed if elapsed > 0 else None
    percent = round(100 * min(done, total) / total, 1) if total else None
    remaining = None
    if rate and total and status == RUNNING:
        remaining = max(0, round((total - done) / rate))
    return {
        "id": job_id,
        "status": status,
        "label": STATUS_LABELS[status],
        "filename": job.get("filename"),
        "done": done,
        "total": total,
        "percent": percent,
        "rate": round(rate, 1) if rate else None,
        "remaining": remaining,
        "dry_run": job.get("dry_run"),
        "started": _iso(job.get("created")),
        "finished": _iso(job.get("finished")),
        "report_id": job.get("report_id"),
        "error": job.get("error"),
        "resumable": status in (INTERRUPTED, FAILED)
        and job.get("resumable", True)
        and _resumable_input(job),
        "resumed_from": job.get("resumed_from"),
        "kind": job.get("kind", IMPORT),
        "of": job.get("of"),
        "counts": job.get("counts"),
        "reverted_by": job.get("reverted_by"),
    }


def recent_jobs(site, count=5):
    tree = _tree(site)
    if not tree:
        return []
    return [job_view(site, job_id) for job_id in list(tree.keys())[-count:][::-1]]
