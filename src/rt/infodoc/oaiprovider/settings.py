"""Registry settings of the OAI-PMH provider (``rt.infodoc.oai.*``)."""

import secrets

from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import getUtility
from zope.interface import Interface

from rt.infodoc import _
from rt.infodoc.oaiprovider.identifiers import DEFAULT_NAMESPACE
from rt.infodoc.oaiprovider.identifiers import check_namespace

PREFIX = "rt.infodoc.oai"
DEFAULT_NAME = "Ressources & Territoires — centre de ressources documentaires"


class IOAISettings(Interface):
    """The OAI-PMH provider at ``<site>/oai``."""

    repository_name = schema.TextLine(title=_("Nom de l'entrepôt"), default=DEFAULT_NAME)
    admin_email = schema.ASCIILine(
        title=_("Adresse de l'administrateur"), default="documentation@ressources-territoires.com"
    )
    namespace = schema.ASCIILine(
        title=_("Espace de noms des identifiants"),
        description=_("Les identifiants sont de la forme oai:<espace>:<UID>."),
        default=DEFAULT_NAMESPACE,
    )
    page_size = schema.Int(title=_("Notices par page"), min=1, max=1000, default=100)
    token_max_age = schema.Int(
        title=_("Durée de validité des jetons de reprise (secondes)"),
        description=_("0 : les jetons n'expirent pas."),
        min=0,
        default=0,
    )
    token_secret = schema.ASCIILine(
        title=_("Secret de signature des jetons"),
        description=_("Généré à l'installation ; partagé par tous les clients Zope."),
        required=False,
        default="",
    )


def _proxy():
    return getUtility(IRegistry).forInterface(IOAISettings, prefix=PREFIX, check=False)


def read_settings():
    """A plain dict of the settings (namespace checked)."""
    proxy = _proxy()
    return {
        "repository_name": proxy.repository_name or DEFAULT_NAME,
        "admin_email": proxy.admin_email or "",
        "namespace": check_namespace(proxy.namespace or DEFAULT_NAMESPACE),
        "page_size": proxy.page_size or 100,
        "token_max_age": proxy.token_max_age or None,
        "token_secret": proxy.token_secret or "",
    }


def ensure_secret():
    """Generate the token secret when it is empty; return it."""
    proxy = _proxy()
    if not proxy.token_secret:
        proxy.token_secret = secrets.token_urlsafe(32)
    return proxy.token_secret


def profile_imported(event):
    """After rt.infodoc:default is imported (install, reinstall, upgrade)."""
    if event.profile_id in ("profile-rt.infodoc:default", "rt.infodoc:default"):
        ensure_secret()
