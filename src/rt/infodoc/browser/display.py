"""Pure display helpers of the portal pages (no Zope import)."""

AVAILABLE = "En rayon"
ON_LOAN = "En prêt"
AT_RELAY = "Au site relais"
ON_SITE = "Consultation sur place"
UNAVAILABLE = "Indisponible"

_BORROWABLE = {"", "empruntable", "disponible", "en rayon"}
_ON_SITE = {"consultation sur place", "exclu du prêt", "exclu du pret"}
_HOME_SITE = "toulouse"


# The mapping writes the level of responsibility in "role" (main, coauthor,
# secondary) and the relator code in "function" (UNIMARC 070, MARC 21 "aut"...):
# readers see a French function, and nothing for a plain author.
_PLAIN_AUTHOR = {"", "070", "aut", "auteur", "author", "main", "coauthor", "principal",
                 "coauteur", "co-auteur"}
_FUNCTIONS = {
    "080": "préface", "aui": "préface", "205": "collaboration", "ctb": "collaboration",
    "220": "compilation", "com": "compilation", "340": "direction scientifique",
    "edt": "direction scientifique", "440": "illustrations", "ill": "illustrations",
    "557": "organisation", "orm": "organisation", "600": "photographies",
    "pht": "photographies", "651": "direction de publication", "pbd": "direction de publication",
    "673": "direction de la recherche", "727": "direction de thèse", "ths": "direction de thèse",
    "730": "traduction", "trl": "traduction", "secondary": "collaboration",
    "secondaire": "collaboration",
}


def author_function(author):
    """The French function of an author ("traduction"), or "" for a plain author."""
    author = author or {}
    for value in (author.get("function"), author.get("role")):
        value = (value or "").strip()
        if value.lower() in _PLAIN_AUTHOR:
            continue
        return _FUNCTIONS.get(value.lower(), value)
    return ""


def author_label(author):
    """"Nom, Prénom (fonction)" of a contract author dict; no function for a plain author."""
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
        AVAILABLE: "rt-dispo-ok", AT_RELAY: "rt-dispo-relay", ON_SITE: "rt-dispo-onsite",
        ON_LOAN: "rt-dispo-loan",
    }.get(label, "rt-dispo-none")


def paragraphs(text):
    return [p.strip() for p in (text or "").split("\n") if p.strip()]


def plural(count, singular, plural_form=None):
    word = singular if count in (0, 1) else (plural_form or singular + "s")
    return f"{count:,} {word}".replace(",", "\u202f")
