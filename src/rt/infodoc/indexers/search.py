"""Indexers the search facets need (catalog and Solr): availability and year."""

import datetime

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer

from rt.infodoc.circulation.availability import record_copies
from rt.infodoc.circulation.availability import tokens as circulation_tokens
from rt.infodoc.content.notice import INotice
from rt.infodoc.indexers.availability import availability as availability_of


@indexer(INotice)
def availability(obj):
    """From the copies in the circulation store (their live status), else from
    the record's imported copies (a site before the copies were moved there)."""
    support, urls = getattr(obj, "support", None), getattr(obj, "urls", None)
    copies = record_copies(obj)
    if copies:
        return circulation_tokens(copies, support, urls)
    return availability_of(getattr(obj, "items", None), support, urls)


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
