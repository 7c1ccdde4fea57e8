"""@@chiffres-circulation: the figures of the activity report (documentalistes),
and @@chiffres-circulation.csv, the same counters as a spreadsheet."""

import datetime

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory

from rt.infodoc.circulation.figures import report
from rt.infodoc.circulation.figures import store
from rt.infodoc.circulation.figures.counters import Figures

CATEGORY_TITLES = {
    "adherent": "Adhérent",
    "usager": "Usager",
    "stagiaire": "Stagiaire",
    "relais": "Relais",
    "structure": "Structure",
}
VOCABULARIES = {
    "site": "rt.infodoc.relay_sites",
    "theme": "rt.infodoc.themes",
    "type": "rt.infodoc.document_types",
    "categorie": "rt.infodoc.borrower_categories",
}


def _titles(context, name):
    factory = queryUtility(IVocabularyFactory, name)
    if factory is None:
        return {}
    titles = {}
    for term in factory(context):
        title = str(term.title or term.value)
        # "Foix — FDFR 09, Fédération..." is long for a chart: the town is enough
        titles[term.value] = title.split(" — ", 1)[0]
    return titles


def labels(context):
    found = {dimension: _titles(context, name) for dimension, name in VOCABULARIES.items()}
    found["categorie"] = {**CATEGORY_TITLES, **found["categorie"]}
    return found


class FiguresView(BrowserView):
    template = ViewPageTemplateFile("templates/figures.pt")

    def __call__(self):
        self.figures = Figures(store.read(self.context))
        self.years = self.figures.years()
        self.year = self._year()
        self.sections = report.sections(self.figures, self.year, labels(self.context))
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
            return f"Aucun chiffre pour l'année « {asked[:20]} » : voici {self.year}."
        return ""


class FiguresCsv(BrowserView):
    def __call__(self):
        text = report.csv_text(Figures(store.read(self.context)), labels(self.context))
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader("Content-Disposition", 'attachment; filename="chiffres-circulation.csv"')
        return text.encode("utf-8")
