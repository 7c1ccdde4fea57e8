"""The importer's own records in the ZODB, next to the content they describe.

Stored in the site's annotations, so they are written in the same transaction as
the Notices of a batch.  Every container is declared here, made with the state,
and nothing else adds attributes to it (upgrade 20261206010 gave older states
the ones they lacked):
- ``by_raw``: SHA-1 of a record's raw bytes -> key (path of its Notice in the site),
  to skip unchanged records before decoding anything;
- ``checkpoints``: file SHA-1 -> Checkpoint dict (see batches.py);
- ``journal``: batch id -> what the batch did, to revert it;
- ``sources``: import source label ("cosoter") -> keys of its Notices;
- ``held``: SHA-1 of a repaired record's raw bytes -> the record held apart for
  a documentaliste (see held.py);
- ``jobs``: job id -> the import or undo started from the page (see jobs.py);
- ``reports``: report id -> JSON report of a run started from the page (archive.py);
- ``last_launch``: id of the last job launched (written with each launch, so two
  launches at the same moment conflict, see jobs.py).

The Notices a bulk run committed and Solr has not accepted yet are the search
package's (``rt.infodoc.search.bulk``), not the importer's.
"""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from persistent import Persistent
from zope.annotation.interfaces import IAnnotations

ANNOTATION_KEY = "rt.infodoc.importer"
CONTAINERS = ("by_raw", "checkpoints", "journal", "sources", "held", "jobs", "reports")


class ImportState(Persistent):
    last_launch = ""

    def __init__(self):
        for name in CONTAINERS:
            setattr(self, name, OOBTree())

    def missing_containers(self):
        """Names of the declared containers an older state does not have yet."""
        return [name for name in CONTAINERS if not isinstance(self.__dict__.get(name), OOBTree)]

    def add_missing_containers(self):
        """Give an older state the containers it lacks (upgrade step); their names."""
        missing = self.missing_containers()
        for name in missing:
            setattr(self, name, OOBTree())
        return missing

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
