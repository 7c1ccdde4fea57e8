"""Sending the basket's bibliography by e-mail (Plone's MailHost, sent at once:
a French message and the form kept when the SMTP server cannot take it)."""

import re
from email import policy
from email.message import EmailMessage
from email.utils import formataddr

from plone import api

from rt.infodoc import _
from rt.infodoc.browser.bibliography import bibliography_text
from rt.infodoc.mail.sending import MailNotSent  # noqa: F401 (what send_bibliography raises)
from rt.infodoc.mail.sending import send_now

# Deliberately simple: one @, a dot in the domain, no spaces or separators.
_ADDRESS = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]{2,}$")
MAX_NOTE = 1000

# Message ids (domain rt.infodoc): the page translates them for the reader.
ERROR_EMPTY_ADDRESS = _("Veuillez indiquer l'adresse électronique du destinataire.")
ERROR_NOTE_TOO_LONG = _(
    "Le message ne doit pas dépasser ${max} caractères.", mapping={"max": MAX_NOTE}
)
ERROR_EMPTY_BASKET = _("Votre panier est vide : il n'y a aucune référence à envoyer.")
ERROR_TOO_MANY = _(
    "Trop de bibliographies ont été envoyées depuis votre connexion ces dernières minutes. "
    "Réessayez dans une heure, ou exportez le panier et joignez le fichier à votre message."
)


def error_bad_address(value):
    return _(
        "L'adresse électronique « ${value} » n'est pas valide. "
        "Saisissez une adresse de la forme nom@exemple.fr.",
        mapping={"value": value},
    )


def validate(address, note, entries):
    """French error messages by field name ({} when the form is valid)."""
    errors = {}
    address = (address or "").strip()
    if not address:
        errors["email"] = ERROR_EMPTY_ADDRESS
    elif not _ADDRESS.match(address) or len(address) > 254:
        errors["email"] = error_bad_address(address[:80])
    if len(note or "") > MAX_NOTE:
        errors["note"] = ERROR_NOTE_TOO_LONG
    if not entries:
        errors["basket"] = ERROR_EMPTY_BASKET
    return errors


def message_text(entries, note, site_title):
    lines = [f"Bibliographie établie sur le portail documentaire {site_title}", ""]
    if note and note.strip():
        lines += ["Message :", note.strip(), ""]
    lines += [bibliography_text(entries), ""]
    return "\n".join(lines)


def subject(entries):
    return f"Votre bibliographie ({len(entries)} référence{'s' if len(entries) > 1 else ''})"


def send_bibliography(address, note, entries):
    """Send the mail now; MailNotSent (French message) when it cannot leave."""
    portal = api.portal.get()
    sender = formataddr(
        (
            api.portal.get_registry_record("plone.email_from_name", default="") or "",
            api.portal.get_registry_record("plone.email_from_address", default="") or "",
        )
    )
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = subject(entries)
    message["From"] = sender
    message["To"] = address.strip()
    message.set_content(
        message_text(entries, note, portal.Title()), charset="utf-8", cte="quoted-printable"
    )
    send_now(message)
