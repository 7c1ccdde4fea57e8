"""Behavior ``rt.infodoc.network``: the network a dossier belongs to, and its
optional open period."""

from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider

from rt.infodoc import _
from rt.infodoc.networks.period import period_error


@provider(IFormFieldProvider)
class INetworkSpace(model.Schema):
    """A dossier that may be a private network space (also its marker)."""

    model.fieldset(
        "network",
        label=_("Réseau"),
        fields=["network", "open_start", "open_end"],
    )

    network = schema.Choice(
        title=_("Réseau"),
        description=_(
            "Le réseau d'adhérents à qui l'espace est réservé, quand le dossier est "
            "dans l'état « Réservé au réseau ». Ses membres le voient ; personne d'autre."
        ),
        vocabulary="rt.infodoc.networks",
        required=False,
    )
    open_start = schema.Date(
        title=_("Ouvert aux contributions à partir du"),
        description=_("Laisser vide : ouvert dès maintenant."),
        required=False,
    )
    open_end = schema.Date(
        title=_("Ouvert aux contributions jusqu'au"),
        description=_(
            "Après cette date, l'espace reste lisible par les membres du réseau, "
            "qui ne peuvent plus y ajouter de documents. Laisser vide : sans fin."
        ),
        required=False,
    )

    @invariant
    def period_in_order(data):
        error = period_error(getattr(data, "open_start", None), getattr(data, "open_end", None))
        if error:
            raise Invalid(_(error))
