"""20261122001 -> 20261122002: the fund section loses its manual order.

Plone's default folder ordering keeps the ids of the fund's Notices in one
persistent list rewritten at each addition (a bulk import of 30,000 records wrote
it 30 times, up to 300 kB each) and a position map; the fund is never sorted by
hand, so it gets plone.folder's "unordered" ordering, as new sites do.
"""

import logging

from plone import api

from rt.infodoc.setuphandlers.install import make_unordered
from rt.infodoc.setuphandlers.structure import UNORDERED_SECTIONS

logger = logging.getLogger("rt.infodoc.upgrades")


def unordered_sections(setup_tool=None):
    portal = api.portal.get()
    for section_id in UNORDERED_SECTIONS:
        folder = portal.get(section_id)
        if folder is not None and make_unordered(folder):
            logger.info("%s: ordering set to unordered", section_id)
