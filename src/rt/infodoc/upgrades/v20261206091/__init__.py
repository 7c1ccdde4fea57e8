"""-> 20261206091: circulation's current loans as loan ids (writes without conflicts).

The store's ``loans`` (barcode -> Loan, a key deleted at each return) becomes
``current`` (barcode -> id of the current loan, 0 when none, keys never
deleted), so that desks lending and taking back different copies at the same
moment write integers under distinct keys, which ZODB merges, instead of
failing on a conflict (docs/circulation.md). Safe to run twice.
"""

import logging

from plone import api

from rt.infodoc.circulation.store import get_store
from rt.infodoc.circulation.store import migrate_current_loans

logger = logging.getLogger("rt.infodoc.upgrades")


def current_loans(setup_tool=None):
    store = get_store(api.portal.get())
    if store is not None:
        moved = migrate_current_loans(store)
        logger.info("circulation: %d current loans moved to store.current", moved)
