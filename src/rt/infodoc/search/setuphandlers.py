"""Install collective.solr with rt.infodoc:default, keeping our settings.

rt.infodoc's own registry/solr.xml is imported again after collective.solr's profile
(which would otherwise reset `active`, host and port to its defaults).
"""

import logging

from plone.app.registry.exportimport.handler import RegistryImporter
from plone.registry.interfaces import IRegistry
from Products.CMFCore.utils import getToolByName
from zope.component import getUtility

logger = logging.getLogger("rt.infodoc.search")

SOLR_PROFILE = "collective.solr:default"


def install_collective_solr(context):
    body = context.readDataFile("solr.xml", subdir="registry")
    if body is None:
        return  # another profile
    site = context.getSite()
    setup = getToolByName(site, "portal_setup")
    if setup.getLastVersionForProfile(SOLR_PROFILE) == "unknown":
        logger.info("Installing %s", SOLR_PROFILE)
        setup.runAllImportStepsFromProfile(f"profile-{SOLR_PROFILE}")
        RegistryImporter(getUtility(IRegistry), context).importDocument(body)
