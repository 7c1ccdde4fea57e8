"""Mallette pédagogique: a teaching kit whose contents are references."""

from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer

from rt.infodoc import _


class IMallette(model.Schema):
    relay_site = schema.Choice(
        title=_("Site relais"),
        description=_("Où la mallette est déposée et peut être empruntée."),
        vocabulary="rt.infodoc.relay_sites",
        required=False,
    )
    public = schema.TextLine(title=_("Public"), required=False)

    directives.widget(
        "references",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Notice"]},
    )
    references = RelationList(
        title=_("Contenu (notices)"),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
    )
    contents_list = schema.List(
        title=_("Contenu (liste)"),
        description=_("Titres des outils de la mallette, un par ligne."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )


@implementer(IMallette)
class Mallette(Item):
    """A teaching kit."""
