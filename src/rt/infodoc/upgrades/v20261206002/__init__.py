"""20261206001 -> 20261206002: the import's Solr backlog records its writer.

Each Notice an import committed and Solr has not accepted yet was stored as
uid -> path; it is now uid -> (path, time written, "host:pid" of the import),
so the search guard can tell a running import's batch from one its process left
behind (now ``rt.infodoc.search.bulk.backlog``). Entries left by older runs have no
running writer: they are stored with time 0 and no writer, so the guard replays
them at once.
"""

import logging

from plone import api

from rt.infodoc.importer.state import get_state

logger = logging.getLogger("rt.infodoc.upgrades")


def record_backlog_writers(setup_tool=None):
    state = get_state(api.portal.get(), create=False)
    # the backlog was then the import state's ``solr_pending`` (moved by 20261206010)
    tree = state.__dict__.get("solr_pending") if state is not None else None
    if not tree:
        return
    changed = 0
    for uid, value in list(tree.items()):
        if isinstance(value, str):
            tree[uid] = (value, 0.0, "")
            changed += 1
    logger.info("import Solr backlog: %d entries given a writer", changed)
