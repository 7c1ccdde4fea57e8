"""Indexers the search facets need (catalog and Solr): availability and year."""

import datetime

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer

from rt.infodoc.content.notice import INotice
from rt.infodoc.indexers.availability import availability as availability_of


@indexer(INotice)
def availability(obj):
    return availability_of(
        getattr(obj, "items", None), getattr(obj, "support", None), getattr(obj, "urls", None)
    )


@indexer(IDexterityContent)
def year(obj):
    """The year of a record, else the year of a production's own date."""
    value = getattr(obj.aq_base if hasattr(obj, "aq_base") else obj, "year", None)
    if isinstance(value, int) and value > 0:
        return value
    date = getattr(obj.aq_base if hasattr(obj, "aq_base") else obj, "date", None)
    if isinstance(date, (datetime.date, datetime.datetime)):
        return date.year
    raise AttributeError("year")
