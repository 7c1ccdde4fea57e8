"""French titles of vocabulary tokens, for display."""

from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

THEMES = "rt.infodoc.themes"
DOCUMENT_TYPES = "rt.infodoc.document_types"
TERRITORIES = "rt.infodoc.territories"
RELAY_SITES = "rt.infodoc.relay_sites"
SUPPORTS = "rt.infodoc.supports"
LANGUAGES = "rt.infodoc.languages"
PRODUCTION_KINDS = "rt.infodoc.production_kinds"


def vocabulary_titles(name, context=None, request=None):
    """token -> French title of a named vocabulary (empty dict when unknown)."""
    factory = queryUtility(IVocabularyFactory, name)
    if factory is None:
        return {}
    titles = {}
    for term in factory(context):
        title = term.title or term.token
        titles[term.value] = (
            translate(title, target_language="fr", context=request)
            if request is not None
            else str(title)
        )
    return titles


def term_title(name, token, context=None, request=None):
    """The French title of one token, or the token itself."""
    if not token:
        return ""
    return vocabulary_titles(name, context, request).get(token, token)


def term_titles(name, tokens, context=None, request=None):
    titles = vocabulary_titles(name, context, request)
    return [titles.get(token, token) for token in tokens or () if token]
