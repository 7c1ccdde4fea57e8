"""Measuring an import end to end: records/s, peak memory, findable at the end (Zope).

    from benchmarks.import_run import run, changed_copy   # scripts/ on sys.path (zconsole)
    figures = run(site, "fonds.mrc", batch_size=1000)
    # {"records", "created", "updated", "unchanged", "rejected", "seconds", "rate",
    #  "peak_rss_mb", "solr_documents", "findable", "backend"}
    changed_copy("fonds.mrc", "fonds-10pc.mrc", ratio=0.1)   # pure Python

``run`` imports the file (commits, like scripts/import-marc), then searches the title
of the last record through ``rt.infodoc.search.engine.search`` as the current user
and says whether that Notice is in the results: the figure counts until searchable.
"""

import resource
import time

import requests

from rt.infodoc.importer.options import ImportOptions
from rt.infodoc.importer.runner import import_file


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def changed_copy(path, out, ratio=0.1, suffix=" (édition revue)"):
    """Copy a MARC file with the title of one record in ``1/ratio`` changed; returns
    how many records were changed."""
    from rt.infodoc.marc.reader import read_records
    from rt.infodoc.marc.writers import to_iso2709

    step = max(1, round(1 / ratio))
    changed = 0
    with open(out, "wb") as stream:
        for n, result in enumerate(read_records(path)):
            record = result.record
            if n % step == 0 and record is not None and record.get("200") is not None:
                record["200"]["a"] = record["200"]["a"] + suffix
                changed += 1
            stream.write(to_iso2709(record))
    return changed


def _solr_count():
    from rt.infodoc.search import config

    if not config.solr_active():
        return None
    try:
        response = requests.get(
            f"{config.core_url()}/select",
            timeout=30,
            params={"q": "*:*", "fq": "portal_type:Notice", "rows": 0, "wt": "json"},
        )
        return response.json()["response"]["numFound"]
    except (requests.RequestException, ValueError, KeyError):
        return None


def findable(site, key):
    """(found, backend): the Notice at ``key`` is in the results of its own title."""
    from rt.infodoc.search.engine import search
    from rt.infodoc.search.query import SearchQuery

    obj = site.unrestrictedTraverse(key, None)
    if obj is None:
        return False, None
    results = search(site, SearchQuery(text=obj.title, page_size=50))
    return obj.UID() in [item.uid for item in results.items], results.backend


def run(site, path, batch_size=1000, options=None, check_search=True):
    """Import ``path`` into ``site`` and measure it; returns a dict of figures."""
    options = options or ImportOptions(batch_size=batch_size)
    started = time.perf_counter()
    report = import_file(site, path, options)
    found, backend = (None, None)
    last_key = _last_key(site, report)
    if check_search and last_key:
        found, backend = findable(site, last_key)
    seconds = time.perf_counter() - started
    return {
        "records": report.records,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "rejected": report.rejected,
        "seconds": round(seconds, 2),
        "rate": round(report.records / seconds, 1) if seconds else None,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "solr_documents": _solr_count(),
        "findable": found,
        "backend": backend,
    }


def _last_key(site, report):
    """Key of the Notice of the last record the run handled (from its journal)."""
    from rt.infodoc.importer.state import get_state

    state = get_state(site, create=False)
    if state is None:
        return None
    for batch in reversed(report.batches):
        journal = state.journal.get(batch) or {}
        for name in ("created", "updated"):
            if journal.get(name):
                return journal[name][-1]["key"]
    keys = state.by_raw.values()
    return next(iter(reversed(list(keys))), None) if len(state.by_raw) else None
