"""20261206020 -> 20261206021: the centre's own identity and ways into the fund.

- the Diazo theme "rt.infodoc" (theme/diazo: Barceloneta's rules with the
  centre's footer, favicon and French labels; CSS built from theme/scss) becomes
  the site's theme;
- Plone's footer portlets ("Powered by Plone"), colophon and site actions give
  way to the centre's footer (viewlets.xml);
- the "Fonds documentaire" folder opens on the documentary search (its view
  ``fonds-recherche``).
"""

import logging

from plone import api

from rt.infodoc.theme.navigation import route_fund

logger = logging.getLogger("rt.infodoc.upgrades")
PROFILE = "profile-rt.infodoc:default"


def identity(setup_tool=None):
    setup = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("plone.app.theming", "viewlets"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    changed = route_fund(api.portal.get())
    logger.info("identity: theme rt.infodoc, centre's footer, fund to search (%s)", changed)
