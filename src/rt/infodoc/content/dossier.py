"""Dossier thématique: a folder with an introduction, curated references and pages.

A dossier is public or private to the members' network through its workflow
state ("Réservé aux adhérents").
"""

from plone.app.textfield import RichText
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope.interface import implementer

from rt.infodoc import _


class IDossierThematique(model.Schema):
    introduction = RichText(title=_("Introduction"), required=False)

    directives.widget(
        "references",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Notice"], "recentlyUsed": True},
    )
    references = RelationList(
        title=_("Références choisies"),
        description=_("Notices du fonds présentées dans le dossier."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
    )


@implementer(IDossierThematique)
class DossierThematique(Container):
    """A thematic web dossier."""
