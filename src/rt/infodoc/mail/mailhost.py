"""Point Plone's MailHost at the development mail catcher.

The demo site (``make site``) and upgrade 20261206030 call :func:`use_catcher`;
production servers keep their SMTP settings in Plone's mail control panel
(Configuration du site > Courriel), which this module never overrides once set.
"""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from rt.infodoc.mail.address import SENDER_ADDRESS
from rt.infodoc.mail.address import SENDER_NAME
from rt.infodoc.mail.address import catcher_address

PLONE_DEFAULT_SERVER = ("localhost", 25)


def _get(name):
    return api.portal.get_registry_record(name, default=None)


def set_sender():
    """The sender "Ressources & Territoires" <documentation@…>, when none is set."""
    if not _get("plone.email_from_address"):
        api.portal.set_registry_record("plone.email_from_address", SENDER_ADDRESS)
    if not _get("plone.email_from_name"):
        api.portal.set_registry_record("plone.email_from_name", SENDER_NAME)


def use_catcher(only_if_default=False):
    """MailHost -> the loopback mail catcher (``RT_INFODOC_SMTP``) and the sender.

    ``only_if_default``: leave a server somebody configured alone (upgrades)."""
    server = (_get("plone.smtp_host"), _get("plone.smtp_port"))
    if not only_if_default or server in (PLONE_DEFAULT_SERVER, (None, None), ("", None)):
        host, port = catcher_address()
        api.portal.set_registry_record("plone.smtp_host", host)
        api.portal.set_registry_record("plone.smtp_port", port)
        registry = getUtility(IRegistry)  # plone.api refuses None: no login on loopback
        registry["plone.smtp_userid"] = None
        registry["plone.smtp_pass"] = None
    set_sender()
