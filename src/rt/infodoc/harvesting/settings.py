"""Registry settings of the harvest (``rt.infodoc.harvest.*``): sources, recipients."""

from plone.autoform import directives
from plone.registry.interfaces import IRegistry
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface

from rt.infodoc import _

from .sources import parse_sources

PREFIX = "rt.infodoc.harvest"
DEFAULT_GROUP = "documentalistes"


class IHarvestSettings(Interface):
    """OAI-PMH sources harvested into the fund, and who receives the reports."""

    directives.widget("sources", TextLinesFieldWidget)
    sources = schema.List(
        title=_("Sources moissonnées"),
        description=_(
            "Une source par ligne : « nom | URL de base | format | ensembles » "
            "(format vide : choix automatique ; ensembles séparés par des "
            "espaces). Les lignes commençant par # sont ignorées."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )

    directives.widget("recipients", TextLinesFieldWidget)
    recipients = schema.List(
        title=_("Destinataires du rapport de moissonnage"),
        description=_(
            "Adresses électroniques, une par ligne. Vide : les membres du "
            "groupe ci-dessous qui ont une adresse."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )

    recipients_group = schema.TextLine(
        title=_("Groupe destinataire"),
        description=_("Utilisé quand aucune adresse n'est donnée."),
        required=False,
        default=DEFAULT_GROUP,
    )


def _record(name, default):
    registry = queryUtility(IRegistry)
    if registry is None:
        return default
    value = registry.get(f"{PREFIX}.{name}", default)
    return default if value is None else value


def configured_sources():
    """(sources, French errors) of the registry's source lines."""
    return parse_sources(_record("sources", []))


def configured_recipients():
    """(explicit addresses, group id) from the registry."""
    addresses = [a.strip() for a in _record("recipients", []) if a and a.strip()]
    return addresses, (_record("recipients_group", DEFAULT_GROUP) or "").strip()
