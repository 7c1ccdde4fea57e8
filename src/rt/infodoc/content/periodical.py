"""Périodique and its numéros."""

from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from rt.infodoc import _


class IPeriodique(model.Schema):
    issn = schema.TextLine(title=_("ISSN"), required=False)
    publisher = schema.TextLine(title=_("Éditeur"), required=False)
    frequency = schema.TextLine(title=_("Périodicité"), required=False)


class INumeroPeriodique(model.Schema):
    number = schema.TextLine(title=_("Numéro"), required=False)
    date = schema.Date(title=_("Date de parution"), required=False)
    contents = schema.Text(title=_("Sommaire"), required=False)
    file = NamedBlobFile(title=_("Numéro numérique"), required=False)


@implementer(IPeriodique)
class Periodique(Container):
    """A periodical title."""


@implementer(INumeroPeriodique)
class NumeroPeriodique(Item):
    """An issue of a periodical."""
