"""Fiche expérience: a numbered write-up of a local experience."""

from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from rt.infodoc import _


class IFicheExperience(model.Schema):
    fiche_number = schema.TextLine(
        title=_("Numéro"),
        description=_("Numéro dans la série, par exemple « n°1/2011 »."),
        required=False,
    )
    date = schema.Date(title=_("Date"), required=False)
    structure = schema.TextLine(title=_("Structure porteuse"), required=False)
    partners = schema.List(
        title=_("Partenaires"), value_type=schema.TextLine(), required=False, default=[]
    )
    public = schema.TextLine(title=_("Public"), required=False)
    budget = schema.TextLine(title=_("Budget"), required=False)
    financing = schema.List(
        title=_("Financements"), value_type=schema.TextLine(), required=False, default=[]
    )
    contact = schema.TextLine(title=_("Contact"), required=False)
    text = RichText(title=_("Texte"), required=False)
    pdf = NamedBlobFile(title=_("Fiche au format PDF"), required=False)


@implementer(IFicheExperience)
class FicheExperience(Item):
    """A fiche expérience."""
