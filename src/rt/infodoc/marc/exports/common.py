"""Helpers shared by the notice exports (pure Python)."""

import unicodedata

from rt.infodoc.marc.unimarc_builder import relator_code

#: Relator codes whose holder is an editor rather than an author.
EDITOR_FUNCTIONS = {"340", "651"}

#: ISO 639-2/B -> ISO 639-1 (the two-letter codes of HTML meta tags and COinS).
LANGUAGE_2 = {
    "fre": "fr",
    "eng": "en",
    "spa": "es",
    "ger": "de",
    "ita": "it",
    "por": "pt",
    "ara": "ar",
    "tur": "tr",
    "rus": "ru",
    "chi": "zh",
    "dut": "nl",
    "oci": "oc",
    "cat": "ca",
    "pol": "pl",
    "rum": "ro",
    "vie": "vi",
    "per": "fa",
}

#: document_type token -> French label (for dc:type and human-readable notes).
DOCUMENT_TYPE_LABELS = {
    "ouvrage": "Ouvrage",
    "rapport": "Rapport",
    "etude": "Étude",
    "outil-pedagogique": "Outil pédagogique",
    "guide-methodologique": "Guide méthodologique",
    "periodique": "Périodique",
    "article": "Article",
    "video": "Vidéo",
    "mallette": "Mallette",
    "actes": "Actes",
    "memoire": "Mémoire",
    "texte-officiel": "Texte officiel",
    "dossier-documentaire": "Dossier documentaire",
    "site-web": "Site web",
}


_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "’": "'",
    }
)


def fold(text):
    """Lower-case ASCII form of a text (accents removed, ligatures spelt out)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return (
        "".join(c for c in decomposed if not unicodedata.combining(c))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )


def one_line(text):
    return " ".join(str(text).split())


def title_with_subtitle(notice, separator=" : "):
    title = notice.get("title", "")
    if notice.get("subtitle"):
        return f"{title}{separator}{notice['subtitle']}"
    return title


def authors(notice):
    """(creators, editors, others): lists of author dicts split by function."""
    creators, editors, others = [], [], []
    for author in notice.get("authors") or []:
        function = relator_code(author)
        if function == "070":
            creators.append(author)
        elif function in EDITOR_FUNCTIONS:
            editors.append(author)
        else:
            others.append(author)
    return creators, editors, others


def language_2(notice):
    code = notice.get("language") or ""
    return LANGUAGE_2.get(code, code)
