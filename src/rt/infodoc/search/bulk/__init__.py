"""The search package's bulk API: objects written without their per-object events
(the MARC import's batches) catalogued once and sent to Solr in one request per
batch, with a backlog the search guard replays if the writer dies (Zope).

``indexing.BulkIndexing`` is the entry point; ``subscribers`` binds it to the
importer's batch event (``rt.infodoc.importer.interfaces.IBatchWritten``).
"""
