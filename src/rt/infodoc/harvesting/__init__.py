"""Harvesting OAI-PMH sources (COSOTer first) into the site, through the importer.

Pure Python (no Zope): identifiers, dublin_core, records, sources, summary.
Zope: settings (registry), site_state (incremental state and run history in the
site), runner (``harvest_into_site``), mail (the documentalistes' report), cli and
scheduled (the command lines run under zconsole), view (the @@harvest-oai page).
"""
