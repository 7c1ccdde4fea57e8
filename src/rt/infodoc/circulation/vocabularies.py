"""Vocabularies of circulation: copy statuses, sites, borrower categories."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from rt.infodoc import _
from rt.infodoc.circulation import settings
from rt.infodoc.circulation.rules import statuses


def _vocabulary(pairs):
    return SimpleVocabulary([SimpleTerm(value=v, token=v, title=t) for v, t in pairs])


@provider(IVocabularyFactory)
def copy_statuses(context=None):
    return _vocabulary((code, _(title)) for code, title in statuses.STATUSES)


@provider(IVocabularyFactory)
def borrower_categories(context=None):
    return _vocabulary(settings.category_titles().items())


@provider(IVocabularyFactory)
def circulation_sites(context=None):
    titles = settings.site_titles()
    return _vocabulary((code, titles.get(code, code)) for code in settings.site_codes())
