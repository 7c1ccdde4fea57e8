"""Barcode and spine labels: a real PDF, 24 labels a sheet (reportlab, no Zope)."""

import io

from pypdf import PdfReader

from rt.infodoc.circulation.labels import Label
from rt.infodoc.circulation.labels import render


def pages(pdf):
    return len(PdfReader(io.BytesIO(pdf)).pages)


def text(pdf):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_barcode_labels_fill_sheets_of_24():
    labels = [
        Label(f"RT{n:06d}", "374 ILL", "Illettrisme et territoires", "Toulouse") for n in range(30)
    ]
    pdf = render(labels)
    assert pdf.startswith(b"%PDF-") and pages(pdf) == 2
    assert "RT000029" in text(pdf) and "Illettrisme et territoires" in text(pdf)


def test_skip_used_labels_and_spine_labels():
    pdf = render([Label("RT000001", "374.2 DUP sav", "Un titre", "Foix")] * 2, "spine", skip=23)
    assert pages(pdf) == 2  # the 23 used slots push the second label to a new sheet
    assert "374.2 DUP" in text(pdf) and "Foix" in text(pdf)
    assert render([], "spine").startswith(b"%PDF-")


def test_very_long_titles_fit():
    pdf = render([Label("RT000002", "", "Un très long titre " * 20, "Saint-Gaudens")])
    assert pages(pdf) == 1
