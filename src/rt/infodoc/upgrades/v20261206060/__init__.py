"""-> 20261206060: overdue reminders and the figures of circulation.

The registry gets the records of the reminders (delays and French texts of the
three levels, ``rt.infodoc.circulation.reminders.*``, existing values kept), the
control panel "Relances des retards" is listed in Site Setup, members get the
"Mon compte" link in their personal menu, and the figures'
counters are rebuilt from the circulation history (loans, returns and visits
made before the counters existed).  Safe to run twice.
"""

import logging

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from rt.infodoc.circulation.figures import store as counters
from rt.infodoc.circulation.figures.activity import history_activities
from rt.infodoc.circulation.figures.counters import tally
from rt.infodoc.circulation.reminders.settings import PREFIX
from rt.infodoc.circulation.reminders.settings import IReminderSettings

logger = logging.getLogger("rt.infodoc.upgrades")
CONFIGLET = "rt-infodoc-relances"


def reminders_and_figures(setup_tool=None):
    portal = api.portal.get()
    getUtility(IRegistry).registerInterface(IReminderSettings, prefix=PREFIX)
    panel = api.portal.get_tool("portal_controlpanel")
    if CONFIGLET not in [action.getId() for action in panel.listActions()]:
        panel.registerConfiglet(
            id=CONFIGLET,
            name="Relances des retards",
            action="string:${portal_url}/@@relances-controlpanel",
            permission="rt.infodoc: Manage circulation",
            category="plone-general",
            appId="rt.infodoc",
            icon_expr="string:envelope-exclamation",
        )
    user_actions = api.portal.get_tool("portal_actions")["user"]
    if "mon-compte" not in user_actions.objectIds():
        setup = api.portal.get_tool("portal_setup")
        setup.runImportStepFromProfile("profile-rt.infodoc:default", "actions", False)
    from rt.infodoc.circulation.store import get_store

    store = get_store(portal)
    if store is not None:
        counts = tally(history_activities(store))
        counters.replace(portal, counts)
        logger.info("circulation figures rebuilt: %d counters", len(counts))
