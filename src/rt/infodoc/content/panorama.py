"""Panorama de presse: an issue holding press items."""

from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from rt.infodoc import _


class IPanoramaPresse(model.Schema):
    date = schema.Date(title=_("Date de parution"), required=False)


class IPressItem(model.Schema):
    source = schema.TextLine(title=_("Source"), description=_("Titre du journal."), required=False)
    date = schema.Date(title=_("Date de l'article"), required=False)
    url = schema.URI(title=_("Lien vers l'article"), required=False)
    summary = schema.Text(title=_("Résumé"), required=False)


@implementer(IPanoramaPresse)
class PanoramaPresse(Container):
    """An issue of the press panorama."""


@implementer(IPressItem)
class PressItem(Item):
    """A press item of a panorama."""
