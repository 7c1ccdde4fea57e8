"""The registry schema of the documentary vocabularies.

Each vocabulary is a list of ``token|Titre`` lines: the token is what content
stores and what URLs and facets use, the title is what readers see.
"""

from plone.autoform import directives
from plone.z3cform.textlines import TextLinesFieldWidget
from zope import schema
from zope.interface import Interface

from rt.infodoc import _

REGISTRY_PREFIX = "rt.infodoc.vocabularies"


def _lines_field(title, description):
    return schema.List(
        title=title,
        description=description,
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )


class IVocabularySettings(Interface):
    """Vocabularies of the fund and the productions."""

    directives.widget("themes", TextLinesFieldWidget)
    themes = _lines_field(
        _("Thématiques"),
        _("Une thématique par ligne, sous la forme « code|Libellé »."),
    )

    directives.widget("document_types", TextLinesFieldWidget)
    document_types = _lines_field(
        _("Types de document"),
        _("Un type par ligne, sous la forme « code|Libellé »."),
    )

    directives.widget("territories", TextLinesFieldWidget)
    territories = _lines_field(
        _("Territoires"),
        _(
            "Les départements d'Occitanie et les échelons régional et national, "
            "sous la forme « code|Libellé »."
        ),
    )

    directives.widget("relay_sites", TextLinesFieldWidget)
    relay_sites = _lines_field(
        _("Sites relais"),
        _("Les lieux de prêt (le centre et ses relais), sous la forme « code|Libellé »."),
    )
