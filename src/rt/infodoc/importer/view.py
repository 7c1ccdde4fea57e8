"""The upload page for documentalistes: <site>/@@import-marc (Zope).

The file is imported synchronously, at most MAX_RECORDS records per request; a
larger file stops there with its checkpoint saved, and sending the same file again
continues after it (the page says so).  The command line has no such limit.
"""

import os
import tempfile

import transaction
from BTrees.OOBTree import OOBTree
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from .options import ImportOptions
from .report import COUNTER_LABELS, COUNTERS
from .runner import import_file
from .sources import count_records
from .state import get_state

MAX_RECORDS = 5000
MAX_BYTES = 200 * 1024 * 1024


def store_report(site, report):
    """Keep the JSON report in the ZODB for download; returns its id."""
    state = get_state(site)
    reports = getattr(state, "reports", None)
    if reports is None:
        reports = state.reports = OOBTree()
    report_id = (report.started or "rapport").replace(":", "").replace("+", "Z")
    report_id = f"{report_id}-{len(reports) + 1}"
    reports[report_id] = report.to_json()
    transaction.commit()
    return report_id


class ImportMarcView(BrowserView):
    template = ViewPageTemplateFile("templates/import_marc.pt")
    max_records = MAX_RECORDS

    report = None
    report_id = None
    error = None
    total = None

    counter_labels = COUNTER_LABELS
    counters = COUNTERS

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and "form.submitted" in form:
            CheckAuthenticator(self.request)
            self.run(form)
        return self.template()

    def run(self, form):
        upload = form.get("fichier")
        if upload is None or not getattr(upload, "filename", ""):
            self.error = "Choisissez un fichier MARC (ISO 2709 ou MARCXML)."
            return
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
                        self.error = "Fichier trop volumineux pour la page : utilisez scripts/import-marc."
                        return
                    out.write(block)
            if not size:
                self.error = "Le fichier envoyé est vide."
                return
            self.total = count_records(path)
            options = ImportOptions(
                dry_run=bool(form.get("dry_run")),
                withdraw_missing=bool(form.get("withdraw_missing")),
                limit=self.max_records,
            )
            report = import_file(self.context, path, options)
            report.source = upload.filename
            self.report = report
            self.report_id = store_report(self.context, report)
        finally:
            if os.path.exists(path):
                os.unlink(path)

    @property
    def partial(self):
        return bool(self.report and self.total and self.report.records
                    and (self.report.resumed_at or 0) + self.report.records < self.total
                    and self.report.records >= self.max_records)

    def report_url(self):
        return f"{self.context.absolute_url()}/@@import-marc-rapport?id={self.report_id}"


class ImportReportView(BrowserView):
    """The JSON report of a run made from the page."""

    def __call__(self):
        state = get_state(self.context, create=False)
        reports = getattr(state, "reports", None) or {}
        data = reports.get(self.request.form.get("id", ""))
        response = self.request.response
        if data is None:
            response.setStatus(404)
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return "Rapport introuvable."
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="import-{self.request.form["id"]}.json"')
        return data
