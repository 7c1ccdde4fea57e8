"""French labels of facet values and document types (vocabularies of the site).

The labels are kept for the life of the process, keyed by what the vocabulary is
made of: the registry lines of the editable vocabularies (a manager's edit gives a
new key, so every Zope client sees it on its next search, ZEO or not), the factory
itself for the vocabularies fixed in code.
"""

import threading

from plone.registry.interfaces import IRegistry
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

_labels = {}  # (vocabulary name, source key) -> {value: French title}
_labels_lock = threading.Lock()
MAX_KEPT = 64  # old keys of edited vocabularies are dropped past this many


def source_key(factory):
    """What the vocabulary's terms depend on: its registry record's value, if any."""
    record = getattr(factory, "record", None)
    if record is None:
        return ("factory", id(factory))
    registry = queryUtility(IRegistry)
    value = registry.get(record, None) if registry is not None else None
    if isinstance(value, (list, tuple)):
        return ("registry", tuple(value))
    return ("registry", value)


def _read_labels(factory, context):
    labels = {}
    try:
        for term in factory(context):
            title = term.title or term.token
            labels[str(term.value)] = translate(title, target_language="fr")
    except Exception:  # a broken vocabulary must not break the search
        return None
    return labels


def vocabulary_labels(name, context=None):
    """{value: French title} of the facet `name`'s vocabulary ({} when it has none)."""
    vocabulary = VOCABULARIES.get(name)
    factory = queryUtility(IVocabularyFactory, vocabulary) if vocabulary else None
    if factory is None:
        return {}
    key = (vocabulary, source_key(factory))
    labels = _labels.get(key)
    if labels is None:
        labels = _read_labels(factory, context)
        if labels is None:
            return {}
        with _labels_lock:
            if len(_labels) >= MAX_KEPT:
                _labels.clear()
            _labels[key] = labels
    return labels


class Titles:
    """Looks each vocabulary up once per search."""

    def __init__(self, context, request=None):
        self.context = context
        self.request = request
        self._cache = {}

    def _terms(self, name):
        terms = self._cache.get(name)
        if terms is None:
            terms = self._cache[name] = vocabulary_labels(name, self.context)
        return terms

    def __call__(self, name, value):
        if name == "availability":
            return AVAILABILITY_TITLES.get(value, value)
        return self._terms(name).get(str(value), str(value))
