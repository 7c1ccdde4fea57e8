"""Conf'At': the proceedings of a conference followed by a workshop-debate."""

from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from rt.infodoc import _
from rt.infodoc.content import rows


class IConfAt(model.Schema):
    series = schema.TextLine(
        title=_("Cycle"), description=_("Par exemple « Conf'At' 2011 »."), required=False
    )
    date = schema.Date(title=_("Date"), required=False)
    place = schema.TextLine(title=_("Lieu"), required=False)
    speakers = rows.speakers_field()
    participants = schema.Int(title=_("Participant·e·s à la conférence"), required=False, min=0)
    workshop_participants = schema.Int(
        title=_("Participant·e·s à l'atelier-débat"), required=False, min=0
    )
    text = RichText(title=_("Actes"), required=False)
    pdf = NamedBlobFile(title=_("Actes au format PDF"), required=False)


@implementer(IConfAt)
class ConfAt(Item):
    """Conf'At' proceedings."""
