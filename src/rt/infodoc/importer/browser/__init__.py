"""The importer's pages for documentalistes: ``@@import-marc`` (upload, progress,
report, undo, held records) and the JSON report download (Zope)."""
