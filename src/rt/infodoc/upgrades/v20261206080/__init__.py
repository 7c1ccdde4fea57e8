"""20261206070 -> 20261206080: private network spaces.

The roles of the networks and the workflow state "Réservé au réseau" come from
the profile (rolemap, workflow); the dossier type gets the behavior
``rt.infodoc.network``; then each dossier still "Réservé aux adhérents" (open to
every holder of the site-wide role Adhérent) becomes the space of a network of
its own, holding the same readers (``rt.infodoc.networks.migration``).
Running it twice changes nothing more.
"""

import logging

from plone import api

from rt.infodoc.networks.migration import migrate_members_dossiers

logger = logging.getLogger("rt.infodoc.upgrades")

PROFILE = "profile-rt.infodoc:default"
BEHAVIOR = "rt.infodoc.network"


def add_network_behavior(portal):
    fti = portal.portal_types.getTypeInfo("DossierThematique")
    if fti is not None and BEHAVIOR not in fti.behaviors:
        fti.manage_changeProperties(behaviors=(*fti.behaviors, BEHAVIOR))


def network_spaces(setup_tool=None):
    portal = api.portal.get()
    setup = setup_tool or portal.portal_setup
    for step in ("rolemap", "workflow"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    add_network_behavior(portal)
    for path, group_id, count in migrate_members_dossiers(portal):
        logger.info("%s -> network %s (%d members)", path, group_id, count)
