"""Pure helpers turning field values into index values."""

import re

PRODUCTION_KINDS = {
    "Notice": "notice",
    "FicheExperience": "fiche-experience",
    "ConfAt": "confat",
    "DossierThematique": "dossier",
    "PanoramaPresse": "panorama",
    "PressItem": "panorama",
    "Periodique": "periodique",
    "NumeroPeriodique": "periodique",
    "Mallette": "mallette",
    "Actualite": "actualite",
}

_NOT_ISBN_CHARS = re.compile(r"[^0-9Xx]")


def normalize_isbn(value):
    """ISBN/ISSN without hyphens, spaces or qualifiers, upper-case X."""
    if not value:
        return ""
    head = value.split("(")[0]
    return _NOT_ISBN_CHARS.sub("", head).upper()


def text_of(value):
    """Plain text of a field value (str, RichTextValue, list, None)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    output = getattr(value, "output", None)
    if output is not None:
        return re.sub(r"<[^>]+>", " ", output or "")
    if isinstance(value, (list, tuple)):
        return " ".join(text_of(v) for v in value)
    if isinstance(value, dict):
        return " ".join(text_of(v) for v in value.values())
    return str(value)


def join_text(*values):
    return " ".join(t for t in (text_of(v).strip() for v in values) if t)
