"""The date of a Conf'At' session in Plone's ``start`` index (the home page lists
the coming sessions)."""

from DateTime import DateTime
from plone.indexer import indexer

from rt.infodoc.content.confat import IConfAt


@indexer(IConfAt)
def confat_start(obj):
    day = getattr(obj, "date", None)
    if day is None:
        raise AttributeError("start")
    return DateTime(day.year, day.month, day.day, 0, 0, 0, "Europe/Paris")
