"""20261206020 -> 20261206021: the centre's own identity and ways into the fund.

- the Diazo theme "rt.infodoc" (theme/diazo: Barceloneta's rules with the
  centre's footer, favicon and French labels) becomes the site's theme, and its
  CSS (built from theme/scss) the bundle "rt-infodoc-theme", under the portal's
  own bundle (set here record by record: importing the profile's registry again
  would reset the site's Solr settings);
- Plone's footer portlets ("Powered by Plone"), colophon and site actions give
  way to the centre's footer (viewlets.xml);
- the "Fonds documentaire" folder opens on the documentary search (its view
  ``fonds-recherche``).
"""

import logging

from plone import api
from plone.base.interfaces import IBundleRegistry

from rt.infodoc.theme.navigation import route_fund

logger = logging.getLogger("rt.infodoc.upgrades")
PROFILE = "profile-rt.infodoc:default"


def identity(setup_tool=None):
    setup = setup_tool or api.portal.get_tool("portal_setup")
    for step in ("plone.app.theming", "viewlets"):
        setup.runImportStepFromProfile(PROFILE, step, run_dependencies=False)
    bundles = api.portal.get_tool("portal_registry").collectionOfInterface(
        IBundleRegistry, prefix="plone.bundles", check=False
    )
    theme = bundles.setdefault("rt-infodoc-theme")
    theme.enabled = True
    theme.csscompilation = "++theme++rt.infodoc/css/rt-infodoc.min.css"
    theme.depends = "plone"
    theme.load_async = theme.load_defer = False
    if "rt-infodoc" in bundles:
        bundles["rt-infodoc"].depends = "rt-infodoc-theme"
    changed = route_fund(api.portal.get())
    logger.info("identity: theme rt.infodoc, centre's footer, fund to search (%s)", changed)
