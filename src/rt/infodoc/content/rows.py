"""Structured fields edited as rows: the authors of a Notice, the speakers of a
Conf'At'.

Each field is a :class:`RowList`, a ``schema.List`` of datagridfield ``DictRow``
whose stored value is a plain list of plain dicts (the shape described in
:mod:`rt.infodoc.content.structured`).  Its default widget is a grid of rows with
real inputs and choice lists (``rt.infodoc.widgets``), its REST deserializer
checks each row with a French message, and ``normalize`` brings a value stored by
an earlier version (French words where codes are now expected) to the shape the
choice lists know.
"""

from collective.z3cform.datagridfield.row import DictRow
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.schema.interfaces import IList

from rt.infodoc import _
from rt.infodoc.content.structured import normalize_authors
from rt.infodoc.content.structured import normalize_speakers


class IRowList(IList):
    """A list of dict rows with a fixed schema, edited as a grid."""


@implementer(IRowList)
class RowList(schema.List):
    """``schema.List`` of ``DictRow``; ``normalize(value)`` gives the stored shape
    of a value (rows of an earlier version) and ``row_label`` names one row in the
    messages ("l'auteur n° 2")."""

    def __init__(self, normalize=None, row_label="", **kw):
        self.normalize = normalize
        self.row_label = row_label
        super().__init__(**kw)


class IAuthorRow(model.Schema):
    """One author of a Notice (UNIMARC 700-702 / 710-712)."""

    name = schema.TextLine(
        title=_("Nom"),
        description=_("Personne : « Nom, Prénom » ; collectivité : son nom."),
        required=True,
    )
    kind = schema.Choice(
        title=_("Type"),
        vocabulary="rt.infodoc.author_kinds",
        required=True,
        default="person",
    )
    function = schema.Choice(
        title=_("Fonction"),
        description=_("Liste des codes de fonction UNIMARC."),
        vocabulary="rt.infodoc.author_functions",
        required=False,
        default="070",
    )
    role = schema.Choice(
        title=_("Responsabilité"),
        vocabulary="rt.infodoc.author_roles",
        required=True,
        default="main",
    )


class ISpeakerRow(model.Schema):
    """One speaker of a Conf'At' session."""

    name = schema.TextLine(
        title=_("Nom"),
        description=_("Prénom et nom."),
        required=True,
    )
    title = schema.TextLine(
        title=_("Titre ou fonction"),
        description=_("Par exemple « Maître de conférences »."),
        required=False,
    )
    affiliation = schema.TextLine(
        title=_("Organisme"),
        description=_("Établissement, association ou institution."),
        required=False,
    )


def authors_field():
    return RowList(
        title=_("Auteurs"),
        description=_(
            "Une ligne par auteur, dans l'ordre de la notice : son nom, personne ou "
            "collectivité, sa fonction (liste UNIMARC : auteur, éditeur scientifique, "
            "traducteur…) et sa responsabilité (auteur principal, autre auteur, auteur "
            "secondaire). La ligne vide du bas en ajoute une autre."
        ),
        value_type=DictRow(title=_("Auteur"), schema=IAuthorRow),
        normalize=normalize_authors,
        row_label=_("l'auteur"),
        required=False,
        default=[],
        missing_value=[],
    )


def speakers_field():
    return RowList(
        title=_("Intervenant·e·s"),
        description=_(
            "Une ligne par intervenant·e : nom, titre ou fonction, organisme. "
            "La ligne vide du bas en ajoute une autre."
        ),
        value_type=DictRow(title=_("Intervenant·e"), schema=ISpeakerRow),
        normalize=normalize_speakers,
        row_label=_("l'intervenant·e"),
        required=False,
        default=[],
        missing_value=[],
    )
