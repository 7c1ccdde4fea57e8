"""French texts of the desk's refusals, by code (the message ids of the Zope layer).

The pure core returns codes and mappings; the desk turns them into Plone
messages (circulation/texts.py, domain rt.infodoc: the only declaration of each
message id), so the same French sentence reaches the desk page and the REST
answer. These plain texts serve the logs and the core's own tests.
"""

import re

_PLACEHOLDER = re.compile(r"\$\{(\w+)\}")

MESSAGES = {
    "unknown_copy": "Code-barres inconnu : « ${barcode} ». Vérifiez le code ou cherchez la notice.",
    "unknown_borrower": "Aucun emprunteur ne correspond à « ${code} ».",
    "already_on_loan": "L'exemplaire ${barcode} est déjà en prêt : rendez-le avant de le prêter à nouveau.",
    "already_lent_to_borrower": "L'exemplaire ${barcode} est déjà prêté à ${name}, à rendre le ${date} : pour le garder plus longtemps, prolongez-le.",
    "never_lent": "L'exemplaire ${barcode} est « ${status} » : il ne peut pas être prêté.",
    "not_for_loan": "L'exemplaire ${barcode} est « ${status} » : il ne sort pas sans dérogation.",
    "latest_issue": "L'exemplaire ${barcode} est le dernier numéro du périodique : il ne se prête pas.",
    "borrower_expired": "L'inscription de ${name} a expiré le ${date} : renouvelez-la avant de prêter.",
    "borrower_blocked": "Le compte de ${name} est suspendu : ${reason}.",
    "max_loans": "${name} a déjà ${count} prêts en cours ; le maximum est de ${max}.",
    "max_loans_one": "${name} a déjà ${count} prêt en cours ; le maximum est de ${max}.",
    "reserved_for_other": "L'exemplaire ${barcode} est réservé pour un autre lecteur (${other}).",
    "in_transit": "L'exemplaire ${barcode} est en transit vers ${site}.",
    "not_on_loan": "L'exemplaire ${barcode} n'est pas en prêt.",
    "no_renewals_left": "Le prêt de ${barcode} a déjà été prolongé ${count} fois (maximum ${max}).",
    "renew_reserved": "L'exemplaire ${barcode} est réservé par un autre lecteur : pas de prolongation.",
    "renew_overdue": "Le prêt de ${barcode} est en retard depuis le ${date} : rendez-le d'abord.",
    "renew_too_soon": "Trop tôt pour prolonger le prêt de ${barcode} : à rendre le ${due}, il peut être prolongé à partir du ${date}.",
    "reservations_not_allowed": "Les réservations ne sont pas ouvertes à cette catégorie de lecteur.",
    "max_reservations": "${name} a déjà ${count} réservations ; le maximum est de ${max}.",
    "max_reservations_one": "${name} a déjà ${count} réservation ; le maximum est de ${max}.",
    "already_reserved": "${name} a déjà réservé ce document.",
    "already_borrowed": "${name} a déjà ce document en prêt.",
    "nothing_to_reserve": "Ce document n'a aucun exemplaire qui puisse être prêté.",
    "reservation_not_found": "Réservation introuvable.",
    "reservation_other_borrower": "Cette réservation est celle d'un autre lecteur.",
    "site_forbidden": "Vous travaillez pour le site ${site} : cette opération concerne un autre site.",
    "unknown_site": "Site inconnu : « ${site} ».",
    "not_a_flag": "Le champ « ${name} » attend oui ou non (true ou false) ; « ${value} » n'est pas compris.",
    "barcode_taken": "Le code-barres ${barcode} est déjà celui d'un autre exemplaire.",
    "barcode_taken_by": "Le code-barres ${barcode} est déjà celui d'un exemplaire de « ${title} ».",
    "barcode_twice": "Le code-barres ${barcode} est saisi sur deux lignes.",
    "barcode_missing": "Indiquez un code-barres.",
    "override_reason_missing": "Indiquez le motif de la dérogation.",
    "transfer_not_found": "Aucun transfert en cours pour l'exemplaire ${barcode}.",
    "already_at_site": "L'exemplaire ${barcode} est déjà à ${site} : il n'y a rien à envoyer.",
    "already_in_transit_to": "L'exemplaire ${barcode} est déjà en transit vers ${site}.",
    "borrower_has_loans": "${name} a encore ${count} prêts en cours : ils doivent être rendus avant.",
    "borrower_has_loans_one": "${name} a encore ${count} prêt en cours : il doit être rendu avant.",
    "borrower_has_reservations": "${name} a encore ${count} réservations ouvertes : annulez-les avant.",
    "borrower_has_reservations_one": "${name} a encore ${count} réservation ouverte : annulez-la avant.",
    "copy_on_loan": "L'exemplaire ${barcode} est en prêt : rendez-le d'abord.",
    "copy_circulating": "L'exemplaire ${barcode} est « ${status} » : il ne peut pas être supprimé.",
    "card_taken": "Le numéro de carte ${card} est déjà attribué.",
    "name_missing": "Indiquez le nom de l'emprunteur.",
    "unknown_record": "Document introuvable.",
    "conflict": "L'opération a croisé une autre opération sur le même exemplaire : recommencez.",
}

# Refusals a documentaliste may pass over by giving a reason (recorded on the
# loan); the others describe facts that no reason changes.
OVERRIDABLE = frozenset(
    {
        "not_for_loan",
        "latest_issue",
        "borrower_expired",
        "borrower_blocked",
        "max_loans",
        "reserved_for_other",
        "in_transit",
        "no_renewals_left",
        "renew_reserved",
        "renew_overdue",
        "reservations_not_allowed",
        "max_reservations",
    }
)


# Refusals that count something: French puts 0 and 1 in the singular, so each has
# a second message id for them, "<code>_one" (as receipt.py's CURRENT_ONE), chosen
# by ``message_key``; the refusal's code (REST "codes") stays the same.
COUNTED = frozenset(
    {"max_loans", "max_reservations", "borrower_has_loans", "borrower_has_reservations"}
)


def message_key(code, mapping=None):
    """The key of a refusal's text: ``code``, or ``code + "_one"`` for a count of
    0 or 1 of a counted refusal."""
    if code in COUNTED and str((mapping or {}).get("count", "")).strip() in ("0", "1"):
        return f"{code}_one"
    return code


def render(code, mapping=None):
    """The French text of a refusal, its ${names} filled in (for logs-free tests)."""
    return _fill(MESSAGES[message_key(code, mapping)], mapping or {}, str)


def plain(message):
    """A message id as plain French without zope.i18n: its default (our message
    ids are French text), ``${names}`` filled from its mapping, nested message
    ids too. The pure cores (figures, reminders) use it when no translator is
    given; the pages pass one that translates with the request."""
    text = str(getattr(message, "default", None) or message)
    return _fill(text, getattr(message, "mapping", None) or {}, plain)


def _fill(text, mapping, convert):
    """Each ``${name}`` of the text replaced once, as zope.i18n does: a value that
    itself contains "${barcode}" (a title typed so) stays as it was typed, and a
    name missing from the mapping stays visible."""

    def value(match):
        name = match.group(1)
        return convert(mapping[name]) if name in mapping else match.group(0)

    return _PLACEHOLDER.sub(value, text)
