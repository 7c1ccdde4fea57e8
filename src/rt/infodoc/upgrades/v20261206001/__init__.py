"""20261122002 -> 20261206001: the security headers' registry records.

A site installed before has none: the headers already go out with the default
policies (rt.infodoc.security.settings reads the defaults for missing records),
but an administrator can only tune what the registry holds. The records are
registered from their interface, which keeps any value already there; the rest of
the registry profile is not imported again (it would reset the vocabularies and
the OAI and harvest settings an administrator has changed).
"""

import logging

from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from rt.infodoc.security.settings import PREFIX
from rt.infodoc.security.settings import ISecuritySettings

logger = logging.getLogger("rt.infodoc.upgrades")


def security_records(setup_tool=None):
    getUtility(IRegistry).registerInterface(ISecuritySettings, prefix=PREFIX)
    logger.info("%s.* registry records registered", PREFIX)
