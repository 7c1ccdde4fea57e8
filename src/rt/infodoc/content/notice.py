"""Notice: a bibliographic record of the documentary fund.

The field names are the contract shared with the MARC mapping
(docs/notice-fields.md): the importer writes a mapped dict straight into them.
"""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.schema import JSONField
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from rt.infodoc import _
from rt.infodoc.content import json_schemas
from rt.infodoc.content import rows

# Fields the importer owns; everything else on a Notice (themes, territory,
# local_note, related items) is the centre's own and survives a re-import.
IMPORTED_FIELDS = (
    "title",
    "sort_title",
    "subtitle",
    "responsibility",
    "authors",
    "edition",
    "place",
    "publisher",
    "year",
    "collation",
    "collection",
    "collection_number",
    "isbn",
    "issn",
    "ean",
    "price",
    "doc_language",
    "notes",
    "contents",
    "summary",
    "descriptors",
    "keywords",
    "dewey",
    "document_type",
    "support",
    "urls",
    "series_title",
    "cosoter_id",
    "items",
    "marc_record",
    "marc_flavour",
)

# Keys of the MARC mapping dict stored under another name on the Notice.
RENAMED = {"language": "doc_language"}
_RENAMED_BACK = {v: k for k, v in RENAMED.items()}


def notice_fields_to_schema(mapped):
    """The MARC mapping dict (docs/notice-fields.md) as Notice field values."""
    return {RENAMED.get(key, key): value for key, value in mapped.items()}


def schema_to_notice_fields(values):
    """Notice field values back to the MARC mapping dict."""
    return {_RENAMED_BACK.get(key, key): value for key, value in values.items()}


def _lines(title, description=None):
    return schema.List(
        title=title,
        description=description or "",
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )


class INotice(model.Schema):
    """A reference of the fund, as rich as a PMB/UNIMARC record."""

    subtitle = schema.TextLine(title=_("Complément du titre"), required=False)
    responsibility = schema.TextLine(title=_("Mention de responsabilité"), required=False)
    authors = rows.authors_field()
    document_type = schema.Choice(
        title=_("Type de document"),
        vocabulary="rt.infodoc.document_types",
        required=False,
    )
    support = schema.Choice(
        title=_("Support"),
        vocabulary="rt.infodoc.supports",
        required=False,
        default="papier",
    )

    model.fieldset(
        "publication",
        label=_("Publication"),
        fields=[
            "edition",
            "place",
            "publisher",
            "year",
            "collation",
            "collection",
            "collection_number",
            "series_title",
            "isbn",
            "issn",
            "ean",
            "price",
            "doc_language",
        ],
    )
    edition = schema.TextLine(title=_("Édition"), required=False)
    place = schema.TextLine(title=_("Lieu d'édition"), required=False)
    publisher = schema.TextLine(title=_("Éditeur"), required=False)
    year = schema.Int(title=_("Année d'édition"), required=False, min=1000, max=2999)
    collation = schema.TextLine(title=_("Collation"), required=False)
    collection = schema.TextLine(title=_("Collection"), required=False)
    collection_number = schema.TextLine(title=_("Numéro dans la collection"), required=False)
    series_title = schema.TextLine(
        title=_("Périodique ou ensemble"),
        description=_("Pour un article : le périodique ou l'ouvrage qui le contient."),
        required=False,
    )
    isbn = _lines(_("ISBN"))
    issn = schema.TextLine(title=_("ISSN"), required=False)
    ean = schema.TextLine(title=_("EAN"), required=False)
    price = schema.TextLine(title=_("Prix"), required=False)
    # Not "language": every Plone content object already has that attribute (the
    # language of the page), so the language of the document is doc_language.
    doc_language = schema.Choice(
        title=_("Langue du document"),
        vocabulary="rt.infodoc.languages",
        required=False,
        default="fre",
    )

    model.fieldset(
        "contenu",
        label=_("Contenu"),
        fields=["summary", "contents", "notes", "descriptors", "keywords", "dewey"],
    )
    summary = schema.Text(title=_("Résumé"), required=False)
    contents = schema.Text(title=_("Table des matières"), required=False)
    notes = schema.Text(title=_("Notes"), required=False)
    descriptors = _lines(_("Descripteurs"))
    keywords = _lines(_("Mots-clés"))
    dewey = schema.TextLine(title=_("Indice Dewey"), required=False)

    model.fieldset(
        "en-ligne",
        label=_("Ressource en ligne"),
        fields=["urls", "file"],
    )
    urls = schema.List(
        title=_("Liens"),
        value_type=schema.URI(),
        required=False,
        default=[],
    )
    file = NamedBlobFile(title=_("Document numérique"), required=False)

    model.fieldset(
        "gestion",
        label=_("Gestion"),
        fields=["cosoter_id", "items", "local_note", "sort_title", "marc_flavour", "marc_record"],
    )
    cosoter_id = schema.TextLine(
        title=_("Identifiant COSOTer"),
        description=_("Numéro de la notice dans le catalogue partagé (001)."),
        required=False,
    )
    # The copies as read from the MARC record (995/852), kept for the record's
    # exports; the copies themselves live in circulation (their live status) and
    # are edited on @@exemplaires with rows and choice lists, never as JSON here.
    directives.omitted("items")
    items = JSONField(
        title=_("Exemplaires (notice MARC)"),
        description=_("Code-barres, cote, section, statut et site de chaque exemplaire."),
        schema=json_schemas.ITEMS,
        required=False,
        default=[],
    )
    local_note = schema.Text(
        title=_("Note locale"),
        description=_("Propre au centre : conservée lors des mises à jour depuis COSOTer."),
        required=False,
    )
    directives.mode(sort_title="hidden", marc_flavour="hidden", marc_record="hidden")
    sort_title = schema.TextLine(title=_("Titre de tri"), required=False)
    marc_flavour = schema.Choice(
        title=_("Format MARC d'origine"),
        values=["unimarc", "marc21"],
        required=False,
    )
    marc_record = schema.Text(
        title=_("Notice MARC d'origine (ISO 2709)"),
        required=False,
    )


@implementer(INotice)
class Notice(Item):
    """A bibliographic record."""

    def author_names(self):
        return [author.get("name", "") for author in (self.authors or []) if author]
