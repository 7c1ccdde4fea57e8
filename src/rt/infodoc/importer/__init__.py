"""MARC import into the site: match, create/update/withdraw, report, checkpoint.

Pure Python (no Zope): plan, report, batches, options, progress, sources, keys,
damage.
Zope: apply and bulk (the two writers, ``interfaces.INoticeWriter``), index
(catalog snapshot), state (the import's records in the ZODB, every container
declared there), events (the run and ``IBatchWritten``, fired for each batch:
search catalogues and indexes the batch, the OAI provider drops its cache),
runner (the public API: import_file, import_records, apply_deleted,
revert_batch), guard, held and accept (damaged records), jobs and archive (runs
started from the page), cli (the ``rt-import-marc`` console script), browser/
(the @@import-marc page).
"""
