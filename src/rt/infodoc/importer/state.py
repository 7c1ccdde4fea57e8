"""The importer's own records in the ZODB, next to the content they describe.

Stored in the site's annotations, so they are written in the same transaction as
the Notices of a batch:
- ``by_raw``: SHA-1 of a record's raw bytes -> key (path of its Notice in the site),
  to skip unchanged records before decoding anything;
- ``checkpoints``: file SHA-1 -> Checkpoint dict (see batches.py);
- ``journal``: batch id -> what the batch did, to revert it;
- ``sources``: import source label ("cosoter") -> keys of its Notices;
- ``held``: SHA-1 of a repaired record's raw bytes -> the record held apart for
  a documentaliste (see held.py; added to older sites by upgrade 20261206003).
"""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

ANNOTATION_KEY = "rt.infodoc.importer"


class ImportState(Persistent):
    held = None  # older states until upgrade 20261206003 (held.held_store creates it)

    def __init__(self):
        self.by_raw = OOBTree()
        self.checkpoints = OOBTree()
        self.journal = OOBTree()
        self.sources = OOBTree()
        self.held = OOBTree()

    def source_keys(self, source: str) -> OOTreeSet:
        keys = self.sources.get(source)
        if keys is None:
            keys = self.sources[source] = OOTreeSet()
        return keys


def get_state(site, create=True):
    annotations = IAnnotations(site)
    state = annotations.get(ANNOTATION_KEY)
    if state is None and create:
        state = annotations[ANNOTATION_KEY] = ImportState()
    return state


def new_journal(batch, run_id, file_digest, source):
    return {
        "batch_id": batch,
        "run_id": run_id,
        "file_sha1": file_digest,
        "source": source,
        "first_position": None,
        "last_position": None,
        "created": [],  # {"key", "uid", "raw_sha1"}
        "updated": [],  # {"key", "previous": {field: value}, "raw_sha1", "previous_raw_sha1"}
        "withdrawn": [],  # {"key", "previous_state", "raw_sha1"}
        "reverted": False,
    }
