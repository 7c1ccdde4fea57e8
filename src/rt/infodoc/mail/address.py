"""Where the development mail catcher listens, and the portal's sender (pure Python).

``RT_INFODOC_SMTP`` (``host:port``, default ``127.0.0.1:8025``) is read both by
``scripts/mailcatcher`` and by the site set-up that points Plone's MailHost at it.
"""

import os

DEFAULT_ADDRESS = "127.0.0.1:8025"
SENDER_NAME = "Ressources & Territoires"
SENDER_ADDRESS = "documentation@ressources-territoires.com"


def catcher_address(environ=None):
    """(host, port) of the mail catcher."""
    value = (environ if environ is not None else os.environ).get("RT_INFODOC_SMTP")
    host, _, port = (value or DEFAULT_ADDRESS).rpartition(":")
    try:
        return host or "127.0.0.1", int(port)
    except ValueError:
        host, _, port = DEFAULT_ADDRESS.rpartition(":")
        return host, int(port)
