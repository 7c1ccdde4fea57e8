"""collective.solr's connection settings from the environment, read on each connect.

collective.solr looks up an `IZCMLSolrConnectionConfig` utility before its registry
values; this one answers SOLR_HOST / SOLR_PORT / SOLR_BASE when they are set and the
registry otherwise, so the site, the scripts and the tests all talk to the same Solr.
"""

from collective.solr.interfaces import IZCMLSolrConnectionConfig
from zope.interface import implementer

from rt.infodoc.search import config


@implementer(IZCMLSolrConnectionConfig)
class EnvironmentConnectionConfig:
    @property
    def host(self):
        return f"{config.solr_host()}:{config.solr_port()}"

    @property
    def base(self):
        return config.solr_base()
