"""Actualité: a short news of the watch blog ("Veille Information Professionnelle")."""

from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from rt.infodoc import _


class IActualite(model.Schema):
    date = schema.Date(
        title=_("Date de l'information"),
        description=_("Le jour de l'annonce ou de l'événement ; à défaut, la date de publication."),
        required=False,
    )
    text = RichText(title=_("Texte"), required=False)
    source = schema.TextLine(
        title=_("Source"), description=_("L'organisme ou le média d'origine."), required=False
    )
    url = schema.URI(title=_("Lien vers la source"), required=False)


@implementer(IActualite)
class Actualite(Item):
    """A news of the watch blog."""
