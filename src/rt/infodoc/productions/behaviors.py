"""Fields the productions' pages need beyond the types' own schemas."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldFactory
from collective.z3cform.datagridfield.row import DictRow
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import provider

from rt.infodoc import _


@provider(IFormFieldProvider)
class IConfAtSession(model.Schema):
    """A Conf'At' session's cited references and its "dossier du participant"."""

    directives.widget(
        "cited_references",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Notice"], "recentlyUsed": True},
    )
    cited_references = RelationList(
        title=_("Références citées"),
        description=_("Les notices du fonds citées par l'intervenant·e ou en bibliographie."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
    )
    participant_file = NamedBlobFile(
        title=_("Dossier du participant"),
        description=_("Le dossier remis aux participant·e·s (PDF)."),
        required=False,
    )


class IReferenceNote(model.Schema):
    """The documentaliste's comment on one of the dossier's chosen references."""

    reference = schema.Choice(
        title=_("Référence"),
        vocabulary="rt.infodoc.dossier_references",
        required=True,
    )
    comment = schema.Text(title=_("Commentaire"), required=True)


@provider(IFormFieldProvider)
class IDossierReferenceNotes(model.Schema):
    """A comment per chosen reference of a dossier thématique."""

    model.fieldset(
        "references",
        label=_("Références choisies"),
        fields=["reference_notes"],
    )
    directives.widget("reference_notes", DataGridFieldFactory, allow_reorder=False)
    reference_notes = schema.List(
        title=_("Commentaires des références"),
        description=_(
            "Une ligne par référence commentée : choisissez l'une des références "
            "choisies du dossier (enregistrez d'abord le dossier après les avoir "
            "ajoutées) et écrivez le commentaire présenté aux lecteurs."
        ),
        value_type=DictRow(title=_("Commentaire"), schema=IReferenceNote),
        required=False,
        default=[],
    )
