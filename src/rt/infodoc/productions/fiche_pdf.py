"""The printable fiche expérience, in the centre's 4-page format (reportlab; no Zope).

Page 1: the cover (series number, title, territory); page 2: the experience;
page 3: the contacts; page 4: the back page. Each page's content shrinks to fit
its page, so the document always has four pages, as the printed series.
"""

import io
from xml.sax.saxutils import escape

from lxml import html as lxml_html
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepInFrame
from reportlab.platypus import PageBreak
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer

BRAND = colors.HexColor("#7a1f3d")
CENTRE = "Ressources & Territoires"
CENTRE_LINES = (
    "Centre de ressources sur la cohésion sociale et urbaine",
    "Toulouse — Occitanie",
)
MARGIN = 2 * cm
FRAME_W = A4[0] - 2 * MARGIN
FRAME_H = A4[1] - 2 * MARGIN - 1.2 * cm


def _styles():
    base = getSampleStyleSheet()
    return {
        "brand": ParagraphStyle("brand", parent=base["Title"], textColor=BRAND, fontSize=16),
        "number": ParagraphStyle(
            "number", parent=base["Title"], fontSize=40, leading=48, textColor=BRAND
        ),
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=24, leading=30),
        "center": ParagraphStyle("center", parent=base["Normal"], alignment=TA_CENTER, fontSize=12),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], textColor=BRAND),
        "label": ParagraphStyle("label", parent=base["Normal"], fontName="Helvetica-Bold"),
        "body": ParagraphStyle("body", parent=base["Normal"], fontSize=10.5, leading=14),
    }


def html_paragraphs(markup):
    """The text blocks of an HTML fragment (paragraphs, list items, headings)."""
    if not markup or not markup.strip():
        return []
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    blocks = root.xpath(".//p|.//li|.//h2|.//h3|.//h4")
    texts = [" ".join(b.text_content().split()) for b in blocks] or [
        " ".join(root.text_content().split())
    ]
    return [t for t in texts if t]


def _page(flows):
    return [KeepInFrame(FRAME_W, FRAME_H, flows, mode="shrink"), PageBreak()]


def _field(styles, label, value):
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        value = " ; ".join(v for v in value if v)
    return [
        Paragraph(escape(label), styles["label"]),
        Paragraph(escape(value), styles["body"]),
        Spacer(1, 6),
    ]


def build(fiche):
    """PDF bytes of `fiche`, a dict: number, title, description, territory, themes,
    structure, partners, public, budget, financing, text (HTML), contact, date,
    url. Missing values are left out."""
    st = _styles()
    number = fiche.get("number") or "Numéro en cours d'attribution"
    territory = " ; ".join(fiche.get("territory") or ())
    cover = [
        Paragraph(CENTRE, st["brand"]),
        Spacer(1, 3 * cm),
        Paragraph("Fiche expérience", st["center"]),
        Paragraph(escape(number), st["number"]),
        Spacer(1, 1 * cm),
        Paragraph(escape(fiche.get("title") or ""), st["title"]),
        Spacer(1, 1 * cm),
    ]
    if territory:
        cover.append(Paragraph(escape(territory), st["center"]))
    if fiche.get("date"):
        cover.append(Paragraph(escape(fiche["date"]), st["center"]))
    experience = [Paragraph("L'expérience", st["h2"])]
    if fiche.get("description"):
        experience += [Paragraph(escape(fiche["description"]), st["body"]), Spacer(1, 8)]
    for label, key in (
        ("Structure porteuse", "structure"),
        ("Public", "public"),
        ("Partenaires", "partners"),
        ("Budget", "budget"),
        ("Financements", "financing"),
        ("Thématiques", "themes"),
    ):
        experience += _field(st, label, fiche.get(key))
    for text in html_paragraphs(fiche.get("text")):
        experience += [Paragraph(escape(text), st["body"]), Spacer(1, 4)]
    contacts = [Paragraph("Contacts", st["h2"])]
    contacts += _field(st, "Structure porteuse", fiche.get("structure"))
    contacts += _field(st, "Contact", fiche.get("contact"))
    if fiche.get("url"):
        contacts += _field(st, "En ligne", fiche["url"])
    back = [
        Spacer(1, 8 * cm),
        Paragraph(CENTRE, st["brand"]),
        *[Paragraph(escape(line), st["center"]) for line in CENTRE_LINES],
        Spacer(1, 1 * cm),
        Paragraph(
            escape(
                f"Fiche expérience {number} — reproduction autorisée avec mention de la source."
            ),
            st["center"],
        ),
    ]
    story = _page(cover) + _page(experience) + _page(contacts) + _page(back)[:1]
    buffer = io.BytesIO()

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, 1.2 * cm, f"{CENTRE} — Fiche expérience {number}")
        canvas.drawRightString(A4[0] - MARGIN, 1.2 * cm, f"{doc.page}/4")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 1.2 * cm,
        title=f"Fiche expérience {number} — {fiche.get('title') or ''}",
        author=CENTRE,
        lang="fr",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
