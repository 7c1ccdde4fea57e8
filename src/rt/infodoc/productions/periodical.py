"""The pages of a périodique, of one of its issues, and of a mallette pédagogique."""

from rt.infodoc import _
from rt.infodoc.browser import vocab
from rt.infodoc.browser.display import paragraphs
from rt.infodoc.productions.base import ProductionView
from rt.infodoc.productions.dates import as_date
from rt.infodoc.productions.dates import long_date


class PeriodiqueView(ProductionView):
    def rows(self):
        rows = []
        for name, label in (
            ("publisher", _("Éditeur")),
            ("frequency", _("Périodicité")),
            ("issn", _("ISSN")),
        ):
            value = (getattr(self.context, name, None) or "").strip()
            if value:
                rows.append({"label": self.tr(label), "value": value})
        return rows

    def issues(self):
        rows = []
        for brain in self.listing(portal_type="NumeroPeriodique"):
            obj = brain.getObject()
            day = as_date(getattr(obj, "date", None))
            number = (getattr(obj, "number", None) or "").strip()
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "number": number,
                    "date": long_date(day),
                    "day": day,
                }
            )
        rows.sort(key=lambda r: (r["day"] is not None, r["day"]), reverse=True)
        return rows


class NumeroView(ProductionView):
    def contents(self):
        return paragraphs(getattr(self.context, "contents", None))

    def periodical(self):
        parent = self.context.__parent__
        return {"title": parent.Title(), "url": parent.absolute_url()}

    def number(self):
        return (getattr(self.context, "number", None) or "").strip()

    def issue_file(self):
        return self.file_info("file", _("Lire le numéro"))


class MalletteView(ProductionView):
    def relay_site(self):
        token = getattr(self.context, "relay_site", None)
        return vocab.term_title(vocab.RELAY_SITES, token, self.context, self.request)

    def contents(self):
        return [c for c in getattr(self.context, "contents_list", None) or [] if c and c.strip()]
