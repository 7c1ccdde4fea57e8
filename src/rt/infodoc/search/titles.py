"""French labels of facet values and document types (vocabularies of the site)."""

from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

from rt.infodoc.indexers.availability import AVAILABILITY_TITLES

VOCABULARIES = {
    "themes": "rt.infodoc.themes",
    "document_type": "rt.infodoc.document_types",
    "territory": "rt.infodoc.territories",
    "relay_sites": "rt.infodoc.relay_sites",
    "support": "rt.infodoc.supports",
    "doc_language": "rt.infodoc.languages",
    "production_kind": "rt.infodoc.production_kinds",
}


class Titles:
    """Looks each vocabulary up once per search."""

    def __init__(self, context, request=None):
        self.context = context
        self.request = request
        self._cache = {}

    def _terms(self, name):
        if name not in self._cache:
            terms = {}
            factory = queryUtility(IVocabularyFactory, VOCABULARIES.get(name, ""))
            if factory is not None:
                try:
                    for term in factory(self.context):
                        title = term.title or term.token
                        terms[str(term.value)] = translate(title, target_language="fr")
                except Exception:  # a broken vocabulary must not break the search
                    terms = {}
            self._cache[name] = terms
        return self._cache[name]

    def __call__(self, name, value):
        if name == "availability":
            return AVAILABILITY_TITLES.get(value, value)
        return self._terms(name).get(str(value), str(value))
