"""20261206002 -> 20261206003: repaired records are held apart, never a shortcut.

The import state gets its ``held`` container (records held apart for a
documentaliste, ``rt.infodoc.importer.held``).  And its ``by_raw`` shortcut
(raw bytes already imported -> Notice, to skip unchanged records without reading
them) is emptied: earlier versions recorded there the bytes of records whose
structure the reader had repaired, so the same damaged record in the next file
would be skipped silently, never reported nor held.  Nothing tells those entries
from sound ones without reading the records again, which the next import does:
it reads every record once (slower, nothing is rewritten: unchanged Notices stay
unchanged) and records the sound ones again.
"""

import logging

from BTrees.OOBTree import OOBTree
from plone import api

from rt.infodoc.importer.state import get_state

logger = logging.getLogger("rt.infodoc.upgrades")


def hold_repaired_records(setup_tool=None):
    state = get_state(api.portal.get(), create=False)
    if state is None:
        return
    if getattr(state, "held", None) is None:
        state.held = OOBTree()
    dropped = len(state.by_raw)
    state.by_raw.clear()
    logger.info("import state: held records added, %d raw-bytes shortcuts dropped", dropped)
