"""The OAI-PMH provider of the site at ``<site>/oai``: the pure engine of
:mod:`rt.infodoc.oaiprovider.engine` bound to Plone (catalog-backed repository, metadata cache,
tombstones of withdrawn records, registry settings)."""
