"""Refusals and statuses as translated French text (Plone i18n, domain rt.infodoc).

``MESSAGE_IDS`` repeats rules/messages.py and ``STATUS_IDS`` rules/statuses.py as
literal ``_()`` calls, so that ``make i18n`` finds them (tests/circulation/
test_texts.py keeps them equal): the pure core keeps its plain French for logs
and its own tests, and every page, e-mail and REST answer takes these message
ids, translated with the request. A refusal is declared here once, and only
here: a view that needs one builds a ``CirculationError`` (``refused(code,
...)``), never a ``_()`` of the same text.
"""

from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.rules.messages import message_key

MESSAGE_IDS = {
    "unknown_copy": _(
        "Code-barres inconnu : « ${barcode} ». Vérifiez le code ou cherchez la notice."
    ),
    "unknown_borrower": _("Aucun emprunteur ne correspond à « ${code} »."),
    "already_on_loan": _(
        "L'exemplaire ${barcode} est déjà en prêt : rendez-le avant de le prêter à nouveau."
    ),
    "already_lent_to_borrower": _(
        "L'exemplaire ${barcode} est déjà prêté à ${name}, à rendre le ${date} : "
        "pour le garder plus longtemps, prolongez-le."
    ),
    "never_lent": _("L'exemplaire ${barcode} est « ${status} » : il ne peut pas être prêté."),
    "not_for_loan": _(
        "L'exemplaire ${barcode} est « ${status} » : il ne sort pas sans dérogation."
    ),
    "latest_issue": _(
        "L'exemplaire ${barcode} est le dernier numéro du périodique : il ne se prête pas."
    ),
    "borrower_expired": _(
        "L'inscription de ${name} a expiré le ${date} : renouvelez-la avant de prêter."
    ),
    "borrower_blocked": _("Le compte de ${name} est suspendu : ${reason}."),
    "max_loans": _("${name} a déjà ${count} prêts en cours ; le maximum est de ${max}."),
    "max_loans_one": _("${name} a déjà ${count} prêt en cours ; le maximum est de ${max}."),
    "reserved_for_other": _(
        "L'exemplaire ${barcode} est réservé pour un autre lecteur (${other})."
    ),
    "in_transit": _("L'exemplaire ${barcode} est en transit vers ${site}."),
    "not_on_loan": _("L'exemplaire ${barcode} n'est pas en prêt."),
    "no_renewals_left": _(
        "Le prêt de ${barcode} a déjà été prolongé ${count} fois (maximum ${max})."
    ),
    "renew_reserved": _(
        "L'exemplaire ${barcode} est réservé par un autre lecteur : pas de prolongation."
    ),
    "renew_overdue": _(
        "Le prêt de ${barcode} est en retard depuis le ${date} : rendez-le d'abord."
    ),
    "renew_too_soon": _(
        "Trop tôt pour prolonger le prêt de ${barcode} : à rendre le ${due}, "
        "il peut être prolongé à partir du ${date}."
    ),
    "reservations_not_allowed": _(
        "Les réservations ne sont pas ouvertes à cette catégorie de lecteur."
    ),
    "max_reservations": _("${name} a déjà ${count} réservations ; le maximum est de ${max}."),
    "max_reservations_one": _("${name} a déjà ${count} réservation ; le maximum est de ${max}."),
    "already_reserved": _("${name} a déjà réservé ce document."),
    "already_borrowed": _("${name} a déjà ce document en prêt."),
    "nothing_to_reserve": _("Ce document n'a aucun exemplaire qui puisse être prêté."),
    "reservation_not_found": _("Réservation introuvable."),
    "reservation_other_borrower": _("Cette réservation est celle d'un autre lecteur."),
    "site_forbidden": _(
        "Vous travaillez pour le site ${site} : cette opération concerne un autre site."
    ),
    "unknown_site": _("Site inconnu : « ${site} »."),
    "not_a_flag": _(
        "Le champ « ${name} » attend oui ou non (true ou false) ; « ${value} » n'est pas compris."
    ),
    "barcode_taken": _("Le code-barres ${barcode} est déjà celui d'un autre exemplaire."),
    "barcode_taken_by": _(
        "Le code-barres ${barcode} est déjà celui d'un exemplaire de « ${title} »."
    ),
    "barcode_twice": _("Le code-barres ${barcode} est saisi sur deux lignes."),
    "barcode_missing": _("Indiquez un code-barres."),
    "override_reason_missing": _("Indiquez le motif de la dérogation."),
    "transfer_not_found": _("Aucun transfert en cours pour l'exemplaire ${barcode}."),
    "already_at_site": _("L'exemplaire ${barcode} est déjà à ${site} : il n'y a rien à envoyer."),
    "already_in_transit_to": _("L'exemplaire ${barcode} est déjà en transit vers ${site}."),
    "borrower_has_loans": _(
        "${name} a encore ${count} prêts en cours : ils doivent être rendus avant."
    ),
    "borrower_has_loans_one": _(
        "${name} a encore ${count} prêt en cours : il doit être rendu avant."
    ),
    "borrower_has_reservations": _(
        "${name} a encore ${count} réservations ouvertes : annulez-les avant."
    ),
    "borrower_has_reservations_one": _(
        "${name} a encore ${count} réservation ouverte : annulez-la avant."
    ),
    "copy_on_loan": _("L'exemplaire ${barcode} est en prêt : rendez-le d'abord."),
    "copy_circulating": _(
        "L'exemplaire ${barcode} est « ${status} » : il ne peut pas être supprimé."
    ),
    "card_taken": _("Le numéro de carte ${card} est déjà attribué."),
    "name_missing": _("Indiquez le nom de l'emprunteur."),
    "unknown_record": _("Document introuvable."),
    "conflict": _("L'opération a croisé une autre opération sur le même exemplaire : recommencez."),
}


STATUS_IDS = {
    "disponible": _("Disponible"),
    "en-pret": _("En prêt"),
    "reserve": _("Réservé, en attente"),
    "en-transit": _("En transit"),
    "perdu": _("Perdu"),
    "retire": _("Retiré"),
    "exclu-du-pret": _("Exclu du prêt"),
    "consultation-sur-place": _("Consultation sur place"),
}


def message(refusal):
    return _(
        MESSAGE_IDS[message_key(refusal.code, refusal.mapping)],
        mapping={k: str(v) for k, v in refusal.mapping.items()},
    )


def texts(error, request=None):
    return [translate(message(r), context=request) for r in error.refusals]


def refused(refusal_code, request=None, /, **mapping):
    """The translated text of one refusal built by a view (for example
    ``unknown_borrower`` when a name search finds nobody)."""
    return texts(CirculationError.of(refusal_code, **mapping), request)[0]


def status_text(code, request=None):
    """A copy's status by its French title, translated; an unknown code as is."""
    msgid = STATUS_IDS.get(code)
    return translate(msgid, context=request) if msgid is not None else code
