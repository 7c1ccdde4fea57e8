"""Catalog indexers (their values are also what Solr receives)."""
