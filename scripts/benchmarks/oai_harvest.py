"""Measuring the provider: fill a site with Notices, warm the metadata cache,
time a full harvest and GetRecord over HTTP. Used by the bench
script; the HTTP side only needs the standard library and lxml."""

import statistics
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass

from lxml import etree

OAI = "{http://www.openarchives.org/OAI/2.0/}"


def create_notices(container, count, publish=True, start=0):
    """Create ``count`` varied Notices in ``container`` (published by default);
    returns their UIDs. The caller commits."""
    from plone.dexterity.utils import createContentInContainer
    from Products.CMFCore.utils import getToolByName

    workflow = getToolByName(container, "portal_workflow")
    themes = ("savoirs-de-base", "politique-de-la-ville", "education", "sante", "jeunesse")
    types = ("ouvrage", "rapport", "etude", "guide-methodologique", "article")
    uids = []
    for i in range(start, start + count):
        notice = createContentInContainer(
            container,
            "Notice",
            checkConstraints=False,
            id=f"bench-{i}",
            title=f"Accompagner les publics éloignés de l'écrit, volume {i}",
            subtitle="Pratiques et outils des centres de ressources",
            authors=[
                {
                    "name": f"Dupré, Hélène {i % 97}",
                    "role": "Auteur",
                    "kind": "person",
                    "function": "070",
                }
            ],
            publisher="Ressources & Territoires",
            place="Toulouse",
            year=2000 + i % 25,
            isbn=[f"978-2-11-{i:06d}-0"],
            document_type=types[i % len(types)],
            themes=[themes[i % len(themes)]],
            territory=["31"],
            summary="Une synthèse des actions de lutte contre l'illettrisme en Occitanie.",
            descriptors=["Illettrisme", "Formation des adultes"],
            doc_language="fre",
        )
        if publish:
            workflow.doActionFor(notice, "publish")
        uids.append(notice.UID())
    return uids


def warm_cache(site, prefixes=("oai_dc", "unimarc"), base_url=None):
    """Build the cached metadata of every public record; returns how many
    (record, format) entries were read. The caller commits."""
    from rt.infodoc.oaiprovider.repository import PloneRepository

    repository = PloneRepository(site, base_url=base_url)
    done = 0
    for prefix in prefixes:
        repository.list_prefix = prefix
        after = None
        while True:
            headers = repository.query(None, None, None, after=after, limit=500)
            if not headers:
                break
            for header in headers:
                if (
                    not header.deleted
                    and repository.metadata(header.identifier, prefix) is not None
                ):
                    done += 1
            after = (headers[-1].datestamp, headers[-1].identifier)
    return done


@dataclass
class HarvestStats:
    """``seconds`` is wall-clock time; ``cpu_seconds`` the CPU time of this
    process (all threads: with an in-process test server, server and harvester
    together), which other processes on a loaded machine do not inflate."""

    records: int
    deleted: int
    pages: int
    seconds: float
    cpu_seconds: float = 0.0

    @property
    def rate(self):
        return self.records / self.seconds if self.seconds else 0.0

    @property
    def cpu_rate(self):
        return self.records / self.cpu_seconds if self.cpu_seconds else 0.0


def _fetch(base_url, params):
    url = f"{base_url}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=120) as response:
        return etree.fromstring(response.read())


def harvest(base_url, prefix="oai_dc", set_spec=None):
    """A full ListRecords harvest over HTTP, parsing each page as a harvester
    would; returns HarvestStats (records counts deleted ones too)."""
    params = {"verb": "ListRecords", "metadataPrefix": prefix}
    if set_spec:
        params["set"] = set_spec
    records = deleted = pages = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    while True:
        root = _fetch(base_url, params)
        pages += 1
        error = root.find(f"{OAI}error")
        if error is not None:
            if error.get("code") == "noRecordsMatch":
                break
            raise RuntimeError(f"{error.get('code')}: {error.text}")
        for header in root.iter(f"{OAI}header"):
            records += 1
            deleted += header.get("status") == "deleted"
        token = root.find(f"{OAI}ListRecords/{OAI}resumptionToken")
        if token is None or not token.text:
            break
        params = {"verb": "ListRecords", "resumptionToken": token.text}
    return HarvestStats(
        records, deleted, pages, time.perf_counter() - started, time.process_time() - cpu_started
    )


def getrecord_latency(base_url, identifiers, prefix="oai_dc"):
    """Milliseconds of one GetRecord per identifier: median, 95th percentile, max."""
    timings = []
    for identifier in identifiers:
        started = time.perf_counter()
        root = _fetch(
            base_url, {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": prefix}
        )
        timings.append((time.perf_counter() - started) * 1000)
        if root.find(f"{OAI}GetRecord") is None:
            raise RuntimeError(f"GetRecord refusé pour {identifier}")
    timings.sort()
    return {
        "n": len(timings),
        "median_ms": statistics.median(timings),
        "p95_ms": timings[max(0, int(len(timings) * 0.95) - 1)],
        "max_ms": timings[-1],
    }
