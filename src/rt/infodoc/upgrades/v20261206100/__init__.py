"""-> 20261206100: the figures' counters by month, one object per month.

The counters of the activity report were one ``BTrees.Length`` per key (five to
seven written by every loan); they become one ``MonthCounts`` per month
(circulation/figures/monthly.py), so that a loan writes one object for the
figures. The counts are kept as they are. Safe to run twice.
"""

import logging

from plone import api

from rt.infodoc.circulation.figures import store

logger = logging.getLogger("rt.infodoc.upgrades")


def counters_by_month(setup_tool=None):
    moved = store.migrate(api.portal.get())
    logger.info("circulation figures: %d counters moved into month objects", moved)
