"""The harvest's own records in the site (ZODB annotations).

- ``state``: state key (source name + sets) -> where the last successful harvest
  ended (``last_datestamp``, the identifiers harvested at that datestamp, prefix,
  base URL, time).  Stored in the site rather than in a file, it is written in the
  transaction of the importer's last batch: a run that dies before that commit
  leaves the previous datestamp, and the next run harvests the lost records again.
- ``runs``: the last runs of each source (counts, datestamps, status), for the
  @@harvest-oai page and the e-mailed report.

``SiteHarvestState`` has the interface of ``harvest.state.HarvestState``
(``get``/``update``), so the harvester uses it as it is.
"""

from BTrees.OOBTree import OOBTree
from persistent import Persistent
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations

ANNOTATION_KEY = "rt.infodoc.harvesting"
MAX_RUNS = 20  # kept per source


class HarvestRecords(Persistent):
    def __init__(self):
        self.state = OOBTree()
        self.runs = OOBTree()


def get_records(site, create=True):
    annotations = IAnnotations(site)
    records = annotations.get(ANNOTATION_KEY)
    if records is None and create:
        records = annotations[ANNOTATION_KEY] = HarvestRecords()
    return records


class SiteHarvestState:
    """Incremental state kept in the site; ``read_only`` for dry runs."""

    def __init__(self, site, base_url="", read_only=False):
        self.site = site
        self.base_url = base_url
        self.read_only = read_only

    def get(self, key):
        records = get_records(self.site, create=False)
        entry = records.state.get(key) if records is not None else None
        return dict(entry) if entry is not None else None

    def update(self, key, **entry):
        if self.read_only:
            return
        entry["base_url"] = self.base_url
        get_records(self.site).state[key] = entry

    def forget(self, key):
        records = get_records(self.site, create=False)
        if records is not None and key in records.state:
            del records.state[key]


def record_run(site, name, summary):
    """Keep ``summary`` (a plain dict) as the newest run of source ``name``."""
    records = get_records(site)
    runs = records.runs.get(name)
    if runs is None:
        runs = records.runs[name] = PersistentList()
    runs.append(dict(summary))
    del runs[:-MAX_RUNS]


def last_runs(site):
    """{source name: [run dicts, newest first]} for every source harvested."""
    records = get_records(site, create=False)
    if records is None:
        return {}
    return {name: [dict(run) for run in reversed(runs)] for name, runs in records.runs.items()}


def last_state(site):
    """{state key: state entry} (the datestamps reached)."""
    records = get_records(site, create=False)
    if records is None:
        return {}
    return {key: dict(entry) for key, entry in records.state.items()}
