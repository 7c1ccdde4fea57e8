"""Barcode and spine labels as a PDF (reportlab; no Zope).

A4 sheets of 3 x 8 labels of 70 x 37 mm (the usual "24 per sheet" stock):
a barcode label carries the centre's name, the record's title, the copy's
barcode in Code 128 and in letters; a spine label carries the call number in
large type and the site.
"""

import io
from dataclasses import dataclass

from reportlab.graphics.barcode import code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

COLUMNS, ROWS = 3, 8
LABEL_W, LABEL_H = 70 * mm, 37 * mm
CENTRE = "Ressources & Territoires"


@dataclass
class Label:
    barcode: str
    call_number: str = ""
    title: str = ""
    site: str = ""


def _fit(c, text, font, size, width):
    text = text or ""
    while text and c.stringWidth(text, font, size) > width:
        text = text[:-2].rstrip() + "…" if len(text) > 2 else ""
        if text.endswith("……"):
            text = text[:-1]
    return text


def _positions():
    page_w, page_h = A4
    left = (page_w - COLUMNS * LABEL_W) / 2
    top = page_h - (page_h - ROWS * LABEL_H) / 2
    for row in range(ROWS):
        for col in range(COLUMNS):
            yield left + col * LABEL_W, top - (row + 1) * LABEL_H


def _barcode_label(c, label, x, y):
    pad = 4 * mm
    width = LABEL_W - 2 * pad
    c.setFont("Helvetica", 7)
    c.drawString(x + pad, y + LABEL_H - pad - 5, _fit(c, CENTRE, "Helvetica", 7, width))
    c.setFont("Helvetica-Bold", 8)
    c.drawString(x + pad, y + LABEL_H - pad - 15, _fit(c, label.title, "Helvetica-Bold", 8, width))
    bar = code128.Code128(label.barcode, barHeight=11 * mm, barWidth=0.3 * mm, humanReadable=False)
    scale = min(1.0, width / bar.width)
    c.saveState()
    c.translate(x + pad + (width - bar.width * scale) / 2, y + pad + 9)
    c.scale(scale, 1)
    bar.drawOn(c, 0, 0)
    c.restoreState()
    c.setFont("Courier", 9)
    c.drawCentredString(x + LABEL_W / 2, y + pad, label.barcode)


def _spine_label(c, label, x, y):
    pad = 4 * mm
    width = LABEL_W - 2 * pad
    c.setFont("Helvetica-Bold", 18)
    words = (label.call_number or label.barcode).split()
    lines = [" ".join(words[:2]), " ".join(words[2:])] if len(words) > 2 else words
    top = y + LABEL_H - pad - 16
    for n, line in enumerate(lines[:3]):
        c.drawCentredString(
            x + LABEL_W / 2, top - n * 20, _fit(c, line, "Helvetica-Bold", 18, width)
        )
    c.setFont("Helvetica", 8)
    c.drawCentredString(x + LABEL_W / 2, y + pad, _fit(c, label.site, "Helvetica", 8, width))


def render(labels, kind="barcode", skip=0):
    """PDF bytes of the labels; `skip` leaves the first labels of the first
    sheet blank (a sheet already partly used)."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, pageCompression=1)
    c.setTitle("Étiquettes de code-barres" if kind == "barcode" else "Étiquettes de cote")
    c.setAuthor(CENTRE)
    draw = _barcode_label if kind == "barcode" else _spine_label
    slots = [None] * max(0, skip) + list(labels)
    per_page = COLUMNS * ROWS
    for start in range(0, max(len(slots), 1), per_page):
        for label, (x, y) in zip(slots[start : start + per_page], _positions(), strict=False):
            if label is not None:
                draw(c, label, x, y)
        c.showPage()
    c.save()
    return out.getvalue()
