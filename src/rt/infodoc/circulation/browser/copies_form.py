"""@@exemplaires on a Notice, a periodical issue or a mallette: its copies as
rows of fields and choice lists (barcode, call number, site, section, status,
notes); a row's box removes it. Saved all at once or not at all.

A refused save shows the rows as posted, the rows ticked « Supprimer » still
there (nothing was removed), each refusal beside the field of its row. A copy
that circulates (on loan, reserved, in transit) offers no « Supprimer »."""

import transaction
from plone import api
from Products.Five.browser import BrowserView

from rt.infodoc import _
from rt.infodoc.circulation import copies
from rt.infodoc.circulation import copy_rows
from rt.infodoc.circulation import settings
from rt.infodoc.circulation.browser.common import CirculationPage
from rt.infodoc.circulation.browser.common import titles_of
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.rules import statuses
from rt.infodoc.circulation.texts import refused
from rt.infodoc.circulation.texts import texts

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
            rows = copy_rows.read_rows(self.request.form)
            if self.request.form.get("action") == "ajouter":
                self.rows = rows
                self.blank = min(int(self.request.form.get("blank", "1") or 1), 50) + 1
            else:
                self.save(rows)
        return self.index()

    def posted_rows(self):
        """The rows kept by the form: neither blank nor ticked « Supprimer »."""
        return copy_rows.rows_to_save(copy_rows.read_rows(self.request.form))

    @property
    def store(self):
        return settings.store_of(api.portal.get())

    def save(self, rows):
        store = settings.get_store(api.portal.get(), create=True)
        try:
            copies.save_copies(
                store,
                self.context.UID(),
                copy_rows.rows_to_save(rows),
                record_doc_type(self.context),
                settings.site_codes(),
            )
        except CirculationError as error:
            transaction.doom()
            self.rows = rows
            self.errors = self.refusal_texts(error, rows)
            return
        if self.context.portal_type == "NumeroPeriodique":
            from rt.infodoc.circulation.subscribers import refresh_latest_issue

            refresh_latest_issue(self.context)
        self.context.reindexObject(idxs=["availability", "relay_sites"])
        self.done.append(self.tr(_("Exemplaires enregistrés.")))

    def refusal_texts(self, error, rows):
        """The refusals' texts; each one about a row is also put beside its field."""
        by_n = {row["n"]: row for row in rows}
        by_barcode = {row["barcode"]: row for row in rows}
        owners = titles_of([r.mapping.get("uid") for r in error.refusals])
        result = []
        for refusal in error.refusals:
            mapping = refusal.mapping
            owner = owners.get(mapping.get("uid"))
            if refusal.code == "barcode_taken" and owner:
                text = refused(
                    "barcode_taken_by",
                    self.request,
                    barcode=mapping["barcode"],
                    title=owner["title"],
                )
            else:
                text = texts(CirculationError([refusal]), self.request)[0]
            result.append(text)
            row = by_n.get(mapping.get("row"))
            if row is None and refusal.code in ("copy_on_loan", "copy_circulating"):
                row = by_barcode.get(mapping["barcode"])
                if row is None:  # not posted at all: show it as stored
                    row = self.stored_row(mapping["barcode"])
                    rows.append(row)
                row["delete"] = False  # it stays: nothing was removed
            if row is not None:
                field = mapping.get("field", "barcode")
                row.setdefault("errors", {}).setdefault(field, []).append(text)
        return result

    def stored_row(self, barcode):
        copy = self.store.copy(barcode)
        return {name: getattr(copy, name, "") or "" for name in FIELDS} | {"delete": False}

    def table(self):
        store = self.store
        uid = self.context.UID()
        if self.rows is not None:
            rows = [dict(row) for row in self.rows]
        else:
            rows = [
                {name: getattr(c, name) or "" for name in FIELDS}
                for c in sorted(store.copies_of(uid), key=lambda c: c.barcode)
            ]
        for _n in range(self.blank):
            rows.append({name: "" for name in FIELDS} | {"status": statuses.DISPONIBLE, "site": ""})
        for n, row in enumerate(rows):
            row["n"] = n
            row.setdefault("errors", {})
            row.setdefault("delete", False)
            stored = store.copy(row["barcode"]) if row["barcode"] else None
            if stored is not None and stored.uid == uid and stored.status in statuses.CIRCULATING:
                row["status"] = stored.status  # set by the desk, whatever was posted
            row["locked"] = row.get("status") in statuses.CIRCULATING
        return rows

    def field_class(self, row, field, base):
        return f"{base} is-invalid" if row["errors"].get(field) else base

    def described_by(self, row, field):
        return f"rt-err-{field}-{row['n']}" if row["errors"].get(field) else None

    def statuses(self):
        return [{"code": c, "title": self.status_title(c)} for c, _t in statuses.STATUSES]

    def editable_statuses(self):
        return [
            {"code": c, "title": self.status_title(c)}
            for c, _t in statuses.STATUSES
            if c not in statuses.CIRCULATING
        ]
