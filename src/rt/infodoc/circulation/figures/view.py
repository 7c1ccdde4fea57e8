"""@@chiffres-circulation: the figures of the activity report (documentalistes),
and @@chiffres-circulation.csv, the same counters as a spreadsheet."""

import datetime

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import queryUtility
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.schema.interfaces import IVocabularyFactory

from rt.infodoc import _
from rt.infodoc.circulation.figures import report
from rt.infodoc.circulation.figures import store
from rt.infodoc.circulation.figures.counters import Figures

# the categories of the default settings, for counters kept after a category
# left the registry
CATEGORY_TITLES = {
    "adherent": _("Adhérent"),
    "usager": _("Usager"),
    "stagiaire": _("Stagiaire"),
    "relais": _("Relais"),
    "structure": _("Structure"),
}
VOCABULARIES = {
    "site": "rt.infodoc.relay_sites",
    "theme": "rt.infodoc.themes",
    "type": "rt.infodoc.document_types",
    "categorie": "rt.infodoc.borrower_categories",
}


def _titles(context, name, request=None):
    factory = queryUtility(IVocabularyFactory, name)
    if factory is None:
        return {}
    titles = {}
    for term in factory(context):
        title = term.title or term.value
        if isinstance(title, Message):
            title = translate(title, context=request)
        # "Foix — FDFR 09, Fédération..." is long for a chart: the town is enough
        titles[term.value] = str(title).split(" — ", 1)[0]
    return titles


def labels(context, request=None):
    """{dimension: {code: title}}, the titles translated with the request."""
    found = {dimension: _titles(context, name, request) for dimension, name in VOCABULARIES.items()}
    defaults = {code: translate(title, context=request) for code, title in CATEGORY_TITLES.items()}
    found["categorie"] = {**defaults, **found["categorie"]}
    return found


def translator(request):
    """The ``tr`` of report.py: a message id as the request's language shows it."""

    def tr(message):
        return translate(message, context=request)

    return tr


class FiguresView(BrowserView):
    template = ViewPageTemplateFile("templates/figures.pt")

    def __call__(self):
        self.figures = Figures(store.read(self.context))
        self.years = self.figures.years()
        self.year = self._year()
        self.sections = report.sections(
            self.figures,
            self.year,
            labels(self.context, self.request),
            translator(self.request),
        )
        return self.template()

    def _year(self):
        asked = str(self.request.form.get("annee", "")).strip()
        if asked.isdigit() and int(asked) in self.years:
            return int(asked)
        if self.years:
            return self.years[-1]
        return datetime.date.today().year

    def year_notice(self):
        asked = str(self.request.form.get("annee", "")).strip()
        if asked and not (asked.isdigit() and int(asked) in self.years):
            return translate(
                _(
                    "Aucun chiffre pour l'année « ${asked} » : voici ${year}.",
                    mapping={"asked": asked[:20], "year": str(self.year)},
                ),
                context=self.request,
            )
        return ""


class FiguresCsv(BrowserView):
    def __call__(self):
        text = report.csv_text(
            Figures(store.read(self.context)),
            labels(self.context, self.request),
            translator(self.request),
        )
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="chiffres-circulation.csv"')
        return text.encode("utf-8")
