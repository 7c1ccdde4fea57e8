"""The upload page for documentalistes: <site>/@@import-marc (Zope).

Sending a file starts a background job (``importer/jobs.py``) and redirects to
``@@import-marc?job=<id>``, which shows its progress (``@@import-marc-progress``,
JSON, polled by the page's script; without script the page says to reload it), then
its report.  Any size up to MAX_BYTES, no limit in records.  A job interrupted by a
restart can be resumed from the page: it continues after its last committed batch.
"""

import json
import os
import tempfile

from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from rt.infodoc import _

from .. import jobs
from ..archive import report_json
from ..archive import stored_report
from ..options import ImportOptions
from ..report import COUNTER_LABELS
from ..report import COUNTERS
from . import held_page

MAX_BYTES = 200 * 1024 * 1024
# the result rows' labels (importer/report.py, free of Zope) as message ids of the
# domain: the page translates them (i18n:translate on the cell)
COUNTER_MSGIDS = (
    _("créées"),
    _("mises à jour"),
    _("inchangées"),
    _("retirées"),
    _("rejetées"),
)


class ImportMarcView(BrowserView):
    template = ViewPageTemplateFile("templates/import_marc.pt")

    report = None
    report_id = None
    error = None
    job = None

    counter_labels = COUNTER_LABELS
    counters = COUNTERS

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and "form.submitted" in form:
            CheckAuthenticator(self.request)
            job_id = self.start(form)
            if job_id:
                return self.redirect(job_id)
        elif self.request.method == "POST" and form.get("form.resume"):
            CheckAuthenticator(self.request)
            try:
                return self.redirect(jobs.resume_job(self.context, form["form.resume"]))
            except jobs.JobRefused as exc:
                self.error = str(exc)
        elif self.request.method == "POST" and (
            form.get("form.accept") or form.get("form.dismiss")
        ):
            action = held_page.accept if form.get("form.accept") else held_page.dismiss
            if action(self, form):
                self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@import-marc#mises-a-l-ecart", status=303
                )
                return ""
        elif self.request.method == "POST" and form.get("form.revert"):
            CheckAuthenticator(self.request)
            job_id = self.revert(form["form.revert"], form.get("confirmer"))
            if job_id:
                return self.redirect(job_id)
            self.show(form["form.revert"])
            return self.template()
        self.show(form.get("job"))
        return self.template()

    def tr(self, message):
        return translate(message, context=self.request)

    def revert(self, job_id, confirmed):
        """Start undoing the import ``job_id``; its revert job id, or None (error set)."""
        if not confirmed:
            self.error = self.tr(
                _(
                    "Cochez « Je confirme » pour annuler l'import : ses notices "
                    "créées seront supprimées."
                )
            )
            return None
        try:
            return jobs.start_revert(self.context, job_id)
        except jobs.JobRefused as exc:
            self.error = str(exc)
            return None

    def redirect(self, job_id):
        self.request.response.redirect(
            f"{self.context.absolute_url()}/@@import-marc?job={job_id}", status=303
        )
        return ""

    def show(self, job_id):
        if not job_id:
            running = jobs.running_job(self.context)
            job_id = running["id"] if running else None
        if not job_id:
            return
        self.job = jobs.job_view(self.context, job_id)
        if self.job is None:
            self.error = self.error or self.tr(_("Cet import est inconnu."))
            self.request.response.setStatus(404)
            return
        if self.job["report_id"]:
            self.report_id = self.job["report_id"]
            self.report = stored_report(self.context, self.report_id)

    def start(self, form):
        upload = form.get("fichier")
        if upload is None or not getattr(upload, "filename", ""):
            self.error = self.tr(_("Choisissez un fichier MARC (ISO 2709 ou MARCXML)."))
            return None
        upload.seek(0)  # a request retried after a conflict reads it again
        handle, path = tempfile.mkstemp(suffix=".mrc", prefix="import-marc-")
        try:
            size = 0
            with os.fdopen(handle, "wb") as out:
                while True:
                    block = upload.read(1 << 20)
                    if not block:
                        break
                    size += len(block)
                    if size > MAX_BYTES:
                        self.error = self.tr(
                            _(
                                "Fichier trop volumineux pour la page (200 Mo au plus) : "
                                "utilisez scripts/import-marc."
                            )
                        )
                        return None
                    out.write(block)
            if not size:
                self.error = self.tr(_("Le fichier envoyé est vide."))
                return None
            options = ImportOptions(
                dry_run=bool(form.get("dry_run")),
                withdraw_missing=bool(form.get("withdraw_missing")),
            )
            try:
                return jobs.start_job(self.context, path, upload.filename, options)
            except jobs.JobRefused as exc:
                self.error = str(exc)
                return None
        finally:
            if os.path.exists(path):
                os.unlink(path)

    def revert_refusal(self):
        """Why the shown import cannot be undone, or None (then the page offers it)."""
        return jobs.revertable(self.context, self.job["id"])

    def heading(self):
        job = self.job
        mapping = {"filename": job["filename"]}
        if job["kind"] == jobs.REVERT:  # job_view fills "kind" in
            message = _("Annulation de l'import de ${filename}", mapping=mapping)
        elif job["dry_run"]:
            message = _("Simulation de ${filename}", mapping=mapping)
        else:
            message = _("Import de ${filename}", mapping=mapping)
        return self.tr(message)

    @property
    def running(self):
        return bool(self.job and self.job["status"] in (jobs.QUEUED, jobs.RUNNING))

    def can_start(self):
        return not self.running and jobs.running_job(self.context) is None

    def recent(self):
        return jobs.recent_jobs(self.context)

    def held_rows(self):
        return held_page.pending_rows(self.context)

    def outcome_label(self, item):
        return held_page.outcome_label(item)

    def progress_url(self):
        return f"{self.context.absolute_url()}/@@import-marc-progress?job={self.job['id']}"

    def job_url(self, job_id):
        return f"{self.context.absolute_url()}/@@import-marc?job={job_id}"

    def report_url(self):
        return f"{self.context.absolute_url()}/@@import-marc-rapport?id={self.report_id}"

    def progress_text(self, job=None):
        job = job or self.job
        return progress_text(job, self.request)


def progress_text(job, request=None):
    """The French sentence under the progress bar (also sent in the JSON)."""
    done, total = job["done"], job["total"]
    if job["status"] == jobs.QUEUED or (
        job["status"] == jobs.RUNNING and total is None and not done
    ):
        return translate(_("Import en attente de démarrage…"), context=request)
    parts = [_("${done} notices traitées", mapping={"done": done})]
    if total:
        parts = [
            _(
                "${done} notices traitées sur ${total} (${percent} %)",
                mapping={"done": done, "total": total, "percent": f"{job['percent']:.0f}"},
            )
        ]
    if job.get("rate"):
        parts.append(_("${rate} notices/s", mapping={"rate": f"{job['rate']:.0f}"}))
    if job.get("remaining") is not None:
        minutes, seconds = divmod(job["remaining"], 60)
        parts.append(
            _(
                "fin estimée dans ${minutes} min ${seconds} s",
                mapping={"minutes": minutes, "seconds": f"{seconds:02d}"},
            )
            if minutes
            else _("fin estimée dans ${seconds} s", mapping={"seconds": seconds})
        )
    return ", ".join(translate(part, context=request) for part in parts) + "."


class ImportProgressView(BrowserView):
    """``@@import-marc-progress?job=<id>``: the job's state as JSON (polled)."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Cache-Control", "no-store")
        job = jobs.job_view(self.context, self.request.form.get("job", ""))
        if job is None:
            response.setStatus(404)
            error = translate(_("Import inconnu."), context=self.request)
            return json.dumps({"error": error}, ensure_ascii=False)
        job = dict(
            job,
            text=progress_text(job, self.request),
            page_url=f"{self.context.absolute_url()}/@@import-marc?job={job['id']}",
        )
        return json.dumps(job, ensure_ascii=False)


class ImportReportView(BrowserView):
    """The JSON report of a run made from the page."""

    def __call__(self):
        data = report_json(self.context, self.request.form.get("id", ""))
        response = self.request.response
        if data is None:
            response.setStatus(404)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return translate(_("Rapport introuvable."), context=self.request)
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="import-{self.request.form["id"]}.json"'
        )
        return data
