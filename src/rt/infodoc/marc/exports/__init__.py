"""Exports of a notice dict: RIS, BibTeX, Dublin Core (oai_dc), Zotero meta tags and COinS."""
