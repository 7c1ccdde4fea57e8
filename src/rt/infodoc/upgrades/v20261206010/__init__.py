"""20261206003 -> 20261206010: one declared import state; the Solr backlog is search's.

The import state declares all its containers (``rt.infodoc.importer.state``):
older states lacked the ones added later beside it (``jobs`` and ``reports`` of
the import page, ``held`` before 20261206003); they get them, empty.  The Notices
an import committed and Solr has not accepted yet were kept in the import state
(``solr_pending``); bulk indexing now belongs to the search package, which keeps
them in its own backlog (``rt.infodoc.search.bulk.backlog``): they move there, as
they were, so the search guard still replays what a dead import left.
"""

import logging

from plone import api

from rt.infodoc.importer.state import get_state
from rt.infodoc.search.bulk.backlog import solr_pending

logger = logging.getLogger("rt.infodoc.upgrades")

OLD_BACKLOG = "solr_pending"


def declare_import_state(setup_tool=None):
    site = api.portal.get()
    state = get_state(site, create=False)
    if state is None:
        return
    added = state.add_missing_containers()
    old = state.__dict__.get(OLD_BACKLOG)
    moved = 0
    if old is not None:
        if len(old):
            backlog = solr_pending(site, create=True)
            for uid, value in old.items():
                backlog[uid] = value
                moved += 1
        delattr(state, OLD_BACKLOG)
    logger.info(
        "import state: containers added %s, %d Solr backlog entries moved to search",
        ", ".join(added) or "none",
        moved,
    )
