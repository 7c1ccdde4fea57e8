"""-> 20261206050: circulation (#13) in an existing site.

The circulation store is created in the site, with the Relais role, the
"Manage circulation" permission for documentalistes and relay staff and one
group per relay site; the copies each Notice kept as JSON (its MARC 995/852
``items``) become records of the store (barcode, call number, site, section,
status), which the desk and the availability index read from now on; the
registry gets the circulation settings. Safe to run again: copies already in
the store are left as they are (their circulation state is never reset).
"""

import logging

from plone import api

from rt.infodoc.circulation.setup import migrate_copies
from rt.infodoc.circulation.setup import setup_circulation

logger = logging.getLogger("rt.infodoc.upgrades")


def install_circulation(setup_tool=None):
    portal = api.portal.get()
    setup_tool = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("plone.app.registry", "controlpanel", "actions"):
        setup_tool.runImportStepFromProfile("profile-rt.infodoc:default", step)
    setup_circulation(portal)
    created = migrate_copies(portal)
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="Notice")
    for brain in brains:
        brain._unrestrictedGetObject().reindexObject(idxs=["availability"])
    logger.info(
        "circulation installed: %d copies moved, %d Notices reindexed", created, len(brains)
    )
