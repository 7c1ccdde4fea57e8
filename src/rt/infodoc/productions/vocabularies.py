"""The chosen references of the dossier being edited, for its comment rows."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _dossier(context):
    while context is not None:
        if hasattr(context, "references") and hasattr(context, "introduction"):
            return context
        context = getattr(context, "__parent__", None)
    return None


@provider(IVocabularyFactory)
def dossier_references(context):
    """UID -> title of the dossier's chosen Notices (deleted ones are left out)."""
    terms = []
    dossier = _dossier(context)
    for relation in getattr(dossier, "references", None) or []:
        if relation is None or relation.isBroken():
            continue
        target = relation.to_object
        if target is not None:
            terms.append(SimpleTerm(target.UID(), target.UID(), target.Title()))
    return SimpleVocabulary(terms)
