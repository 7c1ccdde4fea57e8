"""The fiches' series numbers and their printable PDF, kept on the site and the fiche.

The counter of each year lives in one persistent mapping of the site's
annotations: two fiches published at once write the same object, so one of the
two transactions gets a ConflictError and Zope retries it; it then reads the
other's number. No conflict resolution on purpose (a BTrees.Length would merge
the two increments and give both fiches the same number).

The PDF is rendered when the fiche is published or modified (subscribers) and
kept as a blob in the fiche's annotations; the download view renders it if it is
missing (a fiche older than this code).
"""

import datetime

from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations

from rt.infodoc.browser import vocab
from rt.infodoc.productions import fiche_pdf
from rt.infodoc.productions import numbering
from rt.infodoc.productions.dates import as_date
from rt.infodoc.productions.dates import long_date

COUNTER_KEY = "rt.infodoc.fiche_counters"
PDF_KEY = "rt.infodoc.fiche_pdf"


def fiche_year(fiche):
    day = as_date(getattr(fiche, "date", None)) or as_date(fiche.effective())
    if day is None or day.year < 1990:
        day = datetime.date.today()
    return day.year


def assign_number(fiche):
    """Give `fiche` the next number of its year, unless it has one; returns it."""
    current = (getattr(fiche, "fiche_number", None) or "").strip()
    if current:
        return current
    portal = api.portal.get()
    annotations = IAnnotations(portal)
    counters = annotations.get(COUNTER_KEY)
    if counters is None:
        counters = annotations[COUNTER_KEY] = PersistentMapping()
    year = fiche_year(fiche)
    existing = [
        b.getObject().fiche_number or ""
        for b in api.content.find(portal_type="FicheExperience", unrestricted=True)
        if b.UID != fiche.UID()
    ]
    rank = numbering.next_rank(year, counters.get(year, 0), existing)
    counters[year] = rank
    fiche.fiche_number = numbering.format_number(rank, year)
    fiche.reindexObject()
    return fiche.fiche_number


def fiche_data(fiche):
    request = getattr(fiche, "REQUEST", None)
    text = getattr(fiche, "text", None)
    return {
        "number": (getattr(fiche, "fiche_number", None) or "").strip(),
        "title": fiche.Title(),
        "description": fiche.Description(),
        "territory": vocab.term_titles(vocab.TERRITORIES, fiche.territory, fiche, request),
        "themes": vocab.term_titles(vocab.THEMES, fiche.themes, fiche, request),
        "structure": fiche.structure,
        "partners": fiche.partners or [],
        "public": fiche.public,
        "budget": fiche.budget,
        "financing": fiche.financing or [],
        "contact": fiche.contact,
        "text": getattr(text, "output", None) or "",
        "date": long_date(getattr(fiche, "date", None)),
        "url": fiche.absolute_url(),
    }


def render(fiche):
    data = fiche_pdf.build(fiche_data(fiche))
    name = (fiche.getId() or "fiche") + ".pdf"
    IAnnotations(fiche)[PDF_KEY] = NamedBlobFile(
        data=data, contentType="application/pdf", filename=name
    )
    return data


def pdf_bytes(fiche):
    stored = IAnnotations(fiche).get(PDF_KEY)
    if stored is not None:
        return stored.data
    return fiche_pdf.build(fiche_data(fiche))


def pdf_size(fiche):
    stored = IAnnotations(fiche).get(PDF_KEY)
    return stored.size if stored is not None else 0


def on_transition(fiche, event):
    if getattr(event, "action", None) == "publish":
        assign_number(fiche)
        render(fiche)


def on_change(fiche, event):
    render(fiche)
