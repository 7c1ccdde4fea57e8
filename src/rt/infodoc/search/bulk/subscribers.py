"""Search's part of an import batch: what the importer wrote in bulk is catalogued
and sent to Solr by ``BulkIndexing``, one per run (Zope)."""

from zope.interface import implementer

from rt.infodoc.importer.interfaces import IImportRunHelper

from .indexing import BulkIndexing

HELPER = "rt.infodoc.search.bulk"


@implementer(IImportRunHelper)
class RunIndexing(BulkIndexing):
    """``BulkIndexing`` as the helper of an import run."""


def batch_written(event):
    objects = [*event.created, *event.updated]
    if objects:
        event.run.helper(HELPER, lambda: RunIndexing(event.site)).add(objects)
