"""Availability of a record, from its copies (items) and its online links (pure).

Tokens (facet `availability`): `empruntable` (a copy can be borrowed),
`en-pret` (every borrowable copy is out, reserved or travelling), `sur-place` (a copy can be read on site only), `en-ligne` (an online version),
`indisponible` (copies exist but none can be used now: repair, lost, on order).
"""

import unicodedata

from rt.infodoc import _

AVAILABILITY_TITLES = {
    "empruntable": _("Empruntable"),
    "en-pret": _("En prêt"),
    "sur-place": _("Consultation sur place"),
    "en-ligne": _("En ligne"),
    "indisponible": _("Indisponible"),
}

_ON_SITE = ("consultation sur place", "exclu du pret", "sur place", "consultation")
_UNAVAILABLE = (
    "reparation",
    "perdu",
    "commande",
    "pilon",
    "desherbe",
    "retire",
    "indisponible",
    "manquant",
    "traitement",
    "reliure",
)


def _fold(text):
    text = unicodedata.normalize("NFKD", str(text or "")).lower()
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


def item_availability(status):
    """The availability token of one copy from its (PMB, free text) status."""
    folded = _fold(status)
    if folded.startswith(("en pret", "en-pret", "prete", "reserve", "en transit")):
        return "en-pret"
    if any(word in folded for word in _UNAVAILABLE):
        return "indisponible"
    if any(word in folded for word in _ON_SITE):
        return "sur-place"
    return "empruntable"


def availability(items=(), support=None, urls=()):
    """Sorted availability tokens of a record (empty when nothing is known)."""
    tokens = {item_availability(item.get("status")) for item in (items or ()) if item}
    if len(tokens) > 1:
        tokens.discard("indisponible")
    if "empruntable" in tokens:
        tokens.discard("en-pret")
    if support == "electronique" or any(urls or ()):
        tokens.add("en-ligne")
    return sorted(tokens)
