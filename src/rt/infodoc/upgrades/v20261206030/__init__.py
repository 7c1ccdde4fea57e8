"""20261206021 -> 20261206030: the demo site's MailHost uses the local mail catcher.

A site made by ``make site`` before this version had no mail settings: the basket's
e-mail ended on an error page and the contact form was disabled. On a site with the
demo profile, MailHost is pointed at the loopback mail catcher that ``make run``
starts (``RT_INFODOC_SMTP``, default 127.0.0.1:8025), unless somebody already set a
server, and gets the sender "Ressources & Territoires" <documentation@…> when it
has none. A production site (no demo profile) is left as its control panel says.
"""

import logging

from plone import api

from rt.infodoc.mail.mailhost import use_catcher

logger = logging.getLogger("rt.infodoc.upgrades")


def mail_catcher_for_demo(setup_tool=None):
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    if setup_tool.getLastVersionForProfile("rt.infodoc:demo") == "unknown":
        logger.info("no demo profile: mail settings left to the control panel")
        return
    use_catcher(only_if_default=True)
    logger.info(
        "demo site: MailHost on %s:%s",
        api.portal.get_registry_record("plone.smtp_host"),
        api.portal.get_registry_record("plone.smtp_port"),
    )
