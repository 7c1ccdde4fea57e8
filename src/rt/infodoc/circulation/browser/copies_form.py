"""@@exemplaires on a Notice, a periodical issue or a mallette: its copies as
rows of fields and choice lists (barcode, call number, site, section, status,
notes); a row's box removes it. Saved all at once or not at all."""

import transaction
from plone import api
from Products.Five.browser import BrowserView

from rt.infodoc import _
from rt.infodoc.circulation import copies
from rt.infodoc.circulation import copy_rows
from rt.infodoc.circulation import settings
from rt.infodoc.circulation.browser.common import CirculationPage
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.rules import statuses

FIELDS = copy_rows.FIELDS
DOC_TYPES = {"NumeroPeriodique": "periodique", "Mallette": "mallette"}


def record_doc_type(obj):
    return DOC_TYPES.get(obj.portal_type) or getattr(obj, "document_type", "") or ""


class CopiesView(BrowserView, CirculationPage):
    def __call__(self):
        self.done = []
        self.errors = []
        self.rows = None
        self.blank = 1
        if self.check_post():
            rows = self.posted_rows()
            if self.request.form.get("action") == "ajouter":
                self.rows = rows
                self.blank = int(self.request.form.get("blank", "1") or 1) + 1
            else:
                self.save(rows)
        return self.index()

    def posted_rows(self):
        """The rows kept by the form: neither blank nor ticked « Supprimer »."""
        return copy_rows.rows_to_save(copy_rows.read_rows(self.request.form))

    def save(self, rows):
        store = settings.get_store(api.portal.get(), create=True)
        try:
            copies.save_copies(
                store,
                self.context.UID(),
                rows,
                record_doc_type(self.context),
                settings.site_codes(),
            )
        except CirculationError as error:
            transaction.doom()
            self.errors = self.error_texts(error)
            self.rows = rows
            return
        if self.context.portal_type == "NumeroPeriodique":
            from rt.infodoc.circulation.subscribers import refresh_latest_issue

            refresh_latest_issue(self.context)
        self.context.reindexObject(idxs=["availability", "relay_sites"])
        self.done.append(self.tr(_("Exemplaires enregistrés.")))

    def table(self):
        if self.rows is not None:
            rows = [dict(row) for row in self.rows]
        else:
            store = settings.store_of(api.portal.get())
            rows = [
                {name: getattr(c, name) or "" for name in FIELDS}
                for c in sorted(store.copies_of(self.context.UID()), key=lambda c: c.barcode)
            ]
        for _n in range(self.blank):
            rows.append({name: "" for name in FIELDS} | {"status": statuses.DISPONIBLE, "site": ""})
        for n, row in enumerate(rows):
            row["n"] = n
            row["locked"] = row.get("status") in statuses.CIRCULATING
        return rows

    def statuses(self):
        return [{"code": c, "title": self.status_title(c)} for c, _t in statuses.STATUSES]

    def editable_statuses(self):
        return [
            {"code": c, "title": self.status_title(c)}
            for c, _t in statuses.STATUSES
            if c not in statuses.CIRCULATING
        ]
