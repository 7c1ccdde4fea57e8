"""What the search package offers other packages, and what it asks of them."""

from zope.interface import Interface


class ISolrBacklog(Interface):
    """Changes a writer committed to the catalog and means to send to Solr itself.

    A bulk writer (the MARC import) posts its documents to Solr right after its own
    commit; if its process dies in between, Solr stays behind the catalog. The
    search guard asks each registered backlog (named utilities) which of those
    changes their writer will no longer send, and replays them through the
    search catch-up before any reader is served from Solr.
    """

    def abandoned(site):
        """[(uid, path)] whose writer is gone (its process died) or silent too long."""

    def forget(site, uids):
        """The search catch-up has taken these over: drop them (no commit here)."""
