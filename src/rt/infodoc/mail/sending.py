"""Sending one message now, with a French answer when it cannot leave.

Plone's default (queued until the transaction commits) logs an SMTP failure after
the page has already said "sent": the reader's message is lost. Here the message
goes out while the request runs; if the SMTP server is down or refuses it,
:class:`MailNotSent` carries a French message and the caller keeps what the reader
typed on the page.
"""

import logging
import smtplib

from plone import api
from zope.i18n import translate

from rt.infodoc import _

log = logging.getLogger(__name__)

NOT_CONFIGURED = _(
    "L'envoi de messages n'est pas encore configuré sur ce portail. Votre saisie est "
    "conservée ci-dessous ; réessayez plus tard ou écrivez-nous directement."
)
SERVER_DOWN = _(
    "Le message n'a pas pu partir : le serveur de messagerie ne répond pas. "
    "Rien n'est perdu, votre saisie est conservée ci-dessous ; réessayez dans quelques minutes."
)


class MailNotSent(Exception):
    """The message did not leave; ``message`` is its message id (French), ``str()``
    the text itself."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def text(self, request):
        """The message translated for the reader of ``request``."""
        return translate(self.message, context=request)


def configured():
    return bool(
        api.portal.get_registry_record("plone.smtp_host", default=None)
        and api.portal.get_registry_record("plone.email_from_address", default=None)
    )


def send_now(message, mto=None, mfrom=None, subject=None, charset="utf-8"):
    """MailHost.send(..., immediate=True); MailNotSent (French) on failure."""
    if not configured():
        raise MailNotSent(NOT_CONFIGURED)
    mailhost = api.portal.get_tool("MailHost")
    try:
        mailhost.send(
            message, mto=mto, mfrom=mfrom, subject=subject, charset=charset, immediate=True
        )
    except (smtplib.SMTPException, OSError) as error:  # refused, unreachable, timeout
        log.warning("mail not sent (%s: %s)", error.__class__.__name__, error)
        raise MailNotSent(SERVER_DOWN) from error
