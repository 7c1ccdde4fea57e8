"""Pure display helpers of the portal pages (no Zope import)."""

AVAILABLE = "En rayon"
ON_LOAN = "En prêt"
AT_RELAY = "Au site relais"
ON_SITE = "Consultation sur place"
UNAVAILABLE = "Indisponible"

_BORROWABLE = {"", "empruntable", "disponible", "en rayon"}
_ON_SITE = {"consultation sur place", "exclu du prêt", "exclu du pret"}
_HOME_SITE = "toulouse"


def author_label(author):
    """"Nom, Prénom (rôle)" of a contract author dict; the role only when not plain author."""
    name = (author or {}).get("name", "").strip()
    role = (author or {}).get("role", "").strip()
    if role and role.lower() not in ("auteur", "author"):
        return f"{name} ({role})"
    return name


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
