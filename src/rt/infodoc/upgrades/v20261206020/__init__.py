"""20261206010 -> 20261206020: the site root opens on the portal's home page.

- the "Plone Site" type gets the view ``accueil`` as its default (types/Plone_Site.xml)
  and the site root uses it, whatever view it had;
- the catalog gets ``cataloguing_date`` (a Notice's MARC date entered on file, else
  its creation), indexed for every Notice, so "Dernières acquisitions" lists what
  was catalogued last, not the last minute's import in index order;
- every Conf'At' puts its date in Plone's ``start`` index (the coming sessions).
"""

import logging

from plone import api

logger = logging.getLogger("rt.infodoc.upgrades")
PROFILE = "profile-rt.infodoc:default"


def home_page(setup_tool=None):
    setup = setup_tool or api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "typeinfo", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "catalog", run_dependencies=False)
    portal = api.portal.get()
    portal.setLayout("accueil")
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=["Notice", "ConfAt"]):
        obj = brain._unrestrictedGetObject()
        names = ["cataloguing_date"] if brain.portal_type == "Notice" else ["start"]
        catalog.catalog_object(obj, brain.getPath(), idxs=names, update_metadata=False)
        count += 1
    logger.info("home page: layout accueil, %d records given their dates", count)
