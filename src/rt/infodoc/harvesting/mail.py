"""E-mailing the harvest report to the documentalistes (Plone's MailHost)."""

from email import policy
from email.message import EmailMessage
from email.utils import formataddr

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import queryUtility

from .settings import configured_recipients


class MailError(Exception):
    """The report could not be e-mailed; the message is French."""


def recipients():
    """The registry's addresses, else the e-mails of the members of its group."""
    addresses, group = configured_recipients()
    if addresses:
        return addresses
    if not group or api.group.get(groupname=group) is None:
        return []
    found = []
    for member in api.user.get_users(groupname=group):
        email = (member.getProperty("email") or "").strip()
        if email and email not in found:
            found.append(email)
    return sorted(found)


def sender():
    registry = queryUtility(IRegistry)
    address = (registry.get("plone.email_from_address") if registry else None) or ""
    name = (registry.get("plone.email_from_name") if registry else None) or ""
    if not address:
        raise MailError(
            "adresse d'expédition du site non configurée (Configuration du site > Courriel)"
        )
    return formataddr((name, address)) if name else address


def send_report(subject, body, to=None):
    """Send ``body`` (French text) now; returns the recipients.  MailError when
    there is nobody to write to or the SMTP server refuses."""
    to = list(to if to is not None else recipients())
    if not to:
        raise MailError(
            "aucun destinataire : ni adresse dans le registre, ni membre du "
            "groupe avec une adresse électronique"
        )
    message = EmailMessage(policy=policy.SMTP)  # CRLF line ends, as SMTP wants
    message["Subject"] = subject
    message["From"] = sender()
    message["To"] = ", ".join(to)
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    mailhost = api.portal.get_tool("MailHost")
    try:
        mailhost.send(message, immediate=True)
    except Exception as exc:  # smtplib, socket: the SMTP server's answer
        registry = queryUtility(IRegistry)
        server = (
            f"{registry.get('plone.smtp_host')}:{registry.get('plone.smtp_port')}"
            if registry is not None
            else "?"
        )
        raise MailError(
            f"envoi impossible par le serveur SMTP {server} ({exc.__class__.__name__}: {exc})"
        ) from exc
    return to
