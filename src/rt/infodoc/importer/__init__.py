"""MARC import into the site: match, create/update/withdraw, report, checkpoint.

Pure Python (no Zope): plan, report, batches, options, progress, sources.
Zope: apply (writes Notices), index (catalog snapshot), state (ZODB records),
runner (the public API: import_file, import_records, apply_deleted, revert_batch),
cli (scripts/import-marc), browser (the @@import-marc page).
"""
