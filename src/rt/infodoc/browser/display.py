"""Pure display helpers of the portal pages (no Zope import)."""

from rt.infodoc import _
from rt.infodoc.marc.unimarc_builder import RELATORS

AVAILABLE = _("En rayon")
ON_LOAN = _("En prêt")
AT_RELAY = _("Au site relais")
ON_SITE = _("Consultation sur place")
UNAVAILABLE = _("Indisponible")

_BORROWABLE = {"", "empruntable", "disponible", "en rayon"}
_ON_SITE = {"consultation sur place", "exclu du prêt", "exclu du pret"}
_HOME_SITE = "toulouse"


# The mapping writes the level of responsibility in "role" (main, coauthor,
# secondary) and the relator code in "function" (UNIMARC 070, MARC 21 "aut"...);
# a record typed by hand may carry a French label in "role" instead. Readers see
# the French function, and nothing for a plain author.
_LEVELS = {
    "",
    "main",
    "coauthor",
    "secondary",
    "principal",
    "coauteur",
    "co-auteur",
    "secondaire",
    "auteur",
    "author",
    "070",
    "aut",
}
_MARC21_TO_UNIMARC = {
    "aui": "080",
    "ctb": "205",
    "com": "220",
    "edt": "340",
    "ill": "440",
    "orm": "557",
    "pht": "600",
    "pbd": "651",
    "ths": "727",
    "trl": "730",
}


def author_function(author):
    """The French function of an author ("Traducteur"), or "" for a plain author."""
    author = author or {}
    role = (author.get("role") or "").strip()
    if role.lower() not in _LEVELS:
        return role
    code = (author.get("function") or "").strip().lower()
    code = _MARC21_TO_UNIMARC.get(code, code)
    if code and code not in _LEVELS:
        return RELATORS.get(code, code)
    return "Collaborateur" if role.lower() in ("secondary", "secondaire") else ""


def author_label(author):
    """ "Nom, Prénom (fonction)" of a contract author dict; no function for a plain author."""
    name = (author or {}).get("name", "").strip()
    function = author_function(author)
    return f"{name} ({function})" if function else name


def item_availability(item):
    """The reader's word for one copy: en rayon, en prêt, au site relais, sur place…"""
    status = (item.get("status") or "").strip().lower()
    if item.get("on_loan") or status.startswith("en prêt") or status == "prêté":
        return ON_LOAN
    if status in _ON_SITE:
        return ON_SITE
    if status in _BORROWABLE:
        site = item.get("site") or _HOME_SITE
        return AVAILABLE if site == _HOME_SITE else AT_RELAY
    return UNAVAILABLE


def availability_class(label):
    return {
        AVAILABLE: "rt-dispo-ok",
        AT_RELAY: "rt-dispo-relay",
        ON_SITE: "rt-dispo-onsite",
        ON_LOAN: "rt-dispo-loan",
    }.get(label, "rt-dispo-none")


def paragraphs(text):
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def plural(count, singular, plural_form=None):
    word = singular if count in (0, 1) else (plural_form or singular + "s")
    return f"{number(count)} {word}"


def number(count):
    """French digit grouping: 4\u202f591 (a narrow no-break space)."""
    return f"{count:,}".replace(",", "\u202f")


def display_authors(names, limit=3):
    """ "A ; B ; C et al." for a result line."""
    names = [n for n in names or [] if n]
    if len(names) > limit:
        return " ; ".join(names[:limit]) + " et al."
    return " ; ".join(names)
