"""Vocabulary factories reading the registry records of IVocabularySettings."""

from plone.registry.interfaces import IRegistry
from zope.component import queryUtility
from zope.interface import implementer
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from rt.infodoc import _
from rt.infodoc.vocabularies.lines import parse_lines
from rt.infodoc.vocabularies.settings import REGISTRY_PREFIX


def _vocabulary(terms):
    return SimpleVocabulary(
        [SimpleTerm(value=token, token=token, title=title) for token, title in terms]
    )


@implementer(IVocabularyFactory)
class RegistryLinesVocabulary:
    """A vocabulary whose ``token|Titre`` lines live in one registry record."""

    def __init__(self, field_name):
        self.record = f"{REGISTRY_PREFIX}.{field_name}"

    def __call__(self, context=None):
        registry = queryUtility(IRegistry)
        lines = registry.get(self.record, None) if registry is not None else None
        return _vocabulary(parse_lines(lines))


@implementer(IVocabularyFactory)
class FixedVocabulary:
    """A small vocabulary fixed in code (its values are used by code)."""

    def __init__(self, terms):
        self.terms = terms

    def __call__(self, context=None):
        return _vocabulary(self.terms)


ThemesVocabulary = RegistryLinesVocabulary("themes")
DocumentTypesVocabulary = RegistryLinesVocabulary("document_types")
TerritoriesVocabulary = RegistryLinesVocabulary("territories")
RelaySitesVocabulary = RegistryLinesVocabulary("relay_sites")

SupportsVocabulary = FixedVocabulary([("papier", _("Papier")), ("electronique", _("Électronique"))])

LanguagesVocabulary = FixedVocabulary(
    [
        ("fre", _("Français")),
        ("eng", _("Anglais")),
        ("spa", _("Espagnol")),
        ("oci", _("Occitan")),
        ("ara", _("Arabe")),
        ("ger", _("Allemand")),
        ("ita", _("Italien")),
        ("por", _("Portugais")),
        ("mul", _("Multilingue")),
        ("und", _("Indéterminée")),
    ]
)

ProductionKindsVocabulary = FixedVocabulary(
    [
        ("notice", _("Fonds documentaire")),
        ("fiche-experience", _("Fiches expériences")),
        ("confat", _("Conf'At'")),
        ("dossier", _("Dossiers thématiques")),
        ("panorama", _("Panoramas de presse")),
        ("periodique", _("Périodiques")),
        ("mallette", _("Mallettes pédagogiques")),
        ("actualite", _("Actualités (veille)")),
    ]
)
