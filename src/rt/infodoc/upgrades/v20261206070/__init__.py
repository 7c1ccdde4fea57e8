"""20261206060 -> 20261206070: the productions' designed pages (#14).

The types get their own default views, the Actualité type of the watch blog and
the behaviors of the Conf'At' sessions (cited references, dossier du participant)
and of the dossiers (a comment per chosen reference); the watch blog's section
is created, the fiches, Conf'At' and watch-blog sections show their own pages;
the editors group keeps Contributor site-wide and becomes Editor and Reviewer on
the production sections only (not on the fund). Published fiches without a
series number get the next one of their year; every fiche's PDF is made.
"""

import logging

from plone import api

from rt.infodoc.productions import fiche_store
from rt.infodoc.productions.sections import apply as production_sections

logger = logging.getLogger("rt.infodoc.upgrades")
PROFILE = "profile-rt.infodoc:default"


def productions_pages(setup_tool=None):
    setup = setup_tool or api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "typeinfo")
    setup.runImportStepFromProfile(PROFILE, "workflow")
    portal = api.portal.get()
    production_sections(portal)
    numbered = 0
    for brain in api.content.find(portal_type="FicheExperience", unrestricted=True):
        fiche = brain._unrestrictedGetObject()
        if brain.review_state == "published" and not (fiche.fiche_number or "").strip():
            fiche_store.assign_number(fiche)
            numbered += 1
        fiche_store.render(fiche)
    logger.info("Productions: pages set, %d fiche(s) numbered", numbered)
