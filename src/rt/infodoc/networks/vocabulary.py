"""Vocabulary ``rt.infodoc.networks``: the Plone groups that are networks."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from rt.infodoc.networks.groups import group_title
from rt.infodoc.networks.groups import network_groups


@provider(IVocabularyFactory)
def NetworksVocabulary(context):
    try:
        groups = network_groups()
    except api.exc.CannotGetPortalError:
        groups = []
    return SimpleVocabulary(
        [SimpleTerm(value=g.getId(), token=g.getId(), title=group_title(g)) for g in groups]
    )
