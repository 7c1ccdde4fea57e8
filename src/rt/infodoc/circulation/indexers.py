"""Availability and sites of mallettes and periodical issues from their copies
(the Notice's own indexers live in indexers/)."""

from plone.indexer import indexer

from rt.infodoc.circulation.availability import record_copies
from rt.infodoc.circulation.availability import tokens
from rt.infodoc.content.mallette import IMallette
from rt.infodoc.content.periodical import INumeroPeriodique


def _availability(obj):
    copies = record_copies(obj)
    if not copies:
        raise AttributeError("availability")
    return tokens(copies, urls=() if not getattr(obj, "file", None) else ("file",))


@indexer(IMallette)
def mallette_availability(obj):
    return _availability(obj)


@indexer(INumeroPeriodique)
def issue_availability(obj):
    return _availability(obj)


def _relay_sites(obj):
    sites = sorted({copy.site for copy in record_copies(obj) if copy.site})
    if not sites:
        raise AttributeError("relay_sites")
    return sites


@indexer(IMallette)
def mallette_relay_sites(obj):
    return _relay_sites(obj)


@indexer(INumeroPeriodique)
def issue_relay_sites(obj):
    return _relay_sites(obj)
