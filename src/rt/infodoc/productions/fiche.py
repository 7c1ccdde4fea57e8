"""The page of a fiche expérience and its printable PDF."""

from rt.infodoc import _
from rt.infodoc.productions import fiche_store
from rt.infodoc.productions.base import ProductionView
from rt.infodoc.productions.base import human_size

NO_NUMBER = _(
    "Numéro en cours d'attribution : la fiche reçoit son numéro dans la série "
    "de l'année à sa publication."
)

ROWS = (
    ("structure", _("Structure porteuse")),
    ("public", _("Public")),
    ("partners", _("Partenaires")),
    ("budget", _("Budget")),
    ("financing", _("Financements")),
)


class FicheView(ProductionView):
    def no_number(self):
        return self.tr(NO_NUMBER)

    def number(self):
        return (getattr(self.context, "fiche_number", None) or "").strip()

    def rows(self):
        rows = []
        for name, label in ROWS:
            value = getattr(self.context, name, None)
            if isinstance(value, (list, tuple)):
                values = [v for v in value if v and v.strip()]
            else:
                values = [value] if value and str(value).strip() else []
            if values:
                rows.append({"label": self.tr(label), "shown": values})
        return rows

    def pdf(self):
        size = fiche_store.pdf_size(self.context)
        return {
            "url": f"{self.context.absolute_url()}/fiche.pdf",
            "size": human_size(size) if size else "",
        }

    def uploaded(self):
        return self.file_info("pdf", _("Version d'origine de la fiche (PDF)"))


class FichePdf(ProductionView):
    """The fiche in the centre's 4-page format, made again whenever the fiche changes."""

    def __call__(self):
        data = fiche_store.pdf_bytes(self.context)
        name = (self.context.getId() or "fiche") + ".pdf"
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader("Content-Disposition", f'inline; filename="{name}"')
        response.setHeader("Content-Length", str(len(data)))
        return data
