"""The controlled list of a copy's statuses, and how an imported status maps to it."""

import unicodedata

DISPONIBLE = "disponible"
EN_PRET = "en-pret"
RESERVE = "reserve"  # reserved and waiting on the pickup shelf
EN_TRANSIT = "en-transit"
PERDU = "perdu"
RETIRE = "retire"
EXCLU = "exclu-du-pret"
SUR_PLACE = "consultation-sur-place"

STATUSES = (
    (DISPONIBLE, "Disponible"),
    (EN_PRET, "En prêt"),
    (RESERVE, "Réservé, en attente"),
    (EN_TRANSIT, "En transit"),
    (PERDU, "Perdu"),
    (RETIRE, "Retiré"),
    (EXCLU, "Exclu du prêt"),
    (SUR_PLACE, "Consultation sur place"),
)
STATUS_TITLES = dict(STATUSES)

# Statuses the desk sets itself; a documentaliste sets the others on the copy.
CIRCULATING = (EN_PRET, RESERVE, EN_TRANSIT)
# A copy with one of these statuses can never go out, even with an override.
NEVER_LENT = (PERDU, RETIRE)
# ... and these only with an override (a reason recorded).
NOT_FOR_LOAN = (EXCLU, SUR_PLACE)


def _fold(text):
    text = unicodedata.normalize("NFKD", str(text or "")).lower()
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


_IMPORTED = (
    (("en pret", "emprunte", "sorti"), EN_PRET),
    (("transit",), EN_TRANSIT),
    (("reserve",), RESERVE),
    (("perdu", "manquant", "vole"), PERDU),
    (("pilon", "desherbe", "retire", "elimine"), RETIRE),
    (("exclu", "non empruntable", "non pretable", "reparation", "reliure", "commande"), EXCLU),
    (("sur place", "consultation"), SUR_PLACE),
)


def status_from_import(text):
    """The controlled status of a copy read from a MARC 995/852 free-text status.

    Used only when the copy is created: an import update never touches the
    status of a copy that already exists (its circulation state is ours)."""
    folded = _fold(text)
    if folded in dict(STATUSES):
        return folded
    for words, status in _IMPORTED:
        if any(word in folded for word in words):
            return status
    return DISPONIBLE
