"""@@etiquettes on a record: its copies' barcode labels (``?type=cote``: spine
labels) as a PDF to print on a sheet of 24."""

from plone import api
from Products.Five.browser import BrowserView

from rt.infodoc.circulation import labels
from rt.infodoc.circulation import settings


class LabelsView(BrowserView):
    def __call__(self):
        store = settings.store_of(api.portal.get())
        sites = settings.site_titles()
        kind = "spine" if self.request.form.get("type") == "cote" else "barcode"
        try:
            skip = max(0, min(23, int(self.request.form.get("sauter", 0))))
        except (TypeError, ValueError):
            skip = 0
        items = [
            labels.Label(c.barcode, c.call_number, self.context.Title(), sites.get(c.site, c.site))
            for c in sorted(store.copies_of(self.context.UID()), key=lambda c: c.barcode)
        ]
        body = labels.render(items, kind, skip)
        name = "etiquettes-cote" if kind == "spine" else "etiquettes-codes-barres"
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader(
            "Content-Disposition", f'inline; filename="{name}-{self.context.getId()}.pdf"'
        )
        return body
