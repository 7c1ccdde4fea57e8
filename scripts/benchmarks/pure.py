"""Benchmarks of the pure-Python cores (no Zope): MARC reading, writing, OAI engine."""

import hashlib
import io
import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta

from rt.infodoc.demo.fund import write_fund
from rt.infodoc.harvesting.core.client import OAIClient
from rt.infodoc.harvesting.core.harvester import Harvester
from rt.infodoc.marc import writers
from rt.infodoc.marc.mapping import record_hash
from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.reader import iter_raw_iso2709
from rt.infodoc.marc.reader import read_records
from rt.infodoc.oaiprovider.engine.metadata import OAI_DC
from rt.infodoc.oaiprovider.engine.metadata import oai_dc
from rt.infodoc.oaiprovider.engine.provider import Provider
from rt.infodoc.oaiprovider.engine.repository import MemoryRepository
from rt.infodoc.oaiprovider.engine.wsgi import BackgroundServer
from rt.infodoc.oaiprovider.engine.wsgi import make_app

from . import Figure


def _best_rate(count, work, repeat=3):
    best = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = max(best, count / (time.perf_counter() - start))
    return best


def marc(workdir, quick):
    count = 5_000 if quick else 27_500
    buffer = io.BytesIO()
    start = time.perf_counter()
    write_fund(buffer, count=count, seed=2022)
    generate = count / (time.perf_counter() - start)
    data = buffer.getvalue()

    def read_and_map():
        for result in read_records(data):
            record_hash(to_notice(result.record, result.flavour))

    def raw_hashes():
        for _position, _offset, raw in iter_raw_iso2709(data):
            hashlib.sha1(raw).digest()

    records = [r.record for r in read_records(data[: len(data) // 5]) if r.ok]
    figures = [
        Figure("demo fund generation (UNIMARC)", generate, "records/s"),
        Figure(
            f"read + map + hash, {count} UNIMARC records",
            _best_rate(count, read_and_map, 1),
            "records/s",
        ),
        Figure(
            "split + SHA-1 of raw records (unchanged re-import check)",
            _best_rate(count, raw_hashes),
            "records/s",
        ),
    ]
    for builder in (
        writers.to_iso2709,
        writers.to_unimarc_slim,
        writers.to_pmb_xml,
        writers.to_marcxml,
    ):
        rate = _best_rate(len(records), lambda b=builder: [b(r) for r in records])
        figures.append(Figure(f"{builder.__name__} (from UNIMARC)", rate, "records/s"))
    return figures


def oai_engine(workdir, quick):
    count = 5_000 if quick else 30_000
    repository = MemoryRepository(formats=[OAI_DC])
    start_date = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(count):
        repository.add(
            f"oai:rt-infodoc:{i}",
            start_date + timedelta(seconds=i // 2),
            {
                "oai_dc": oai_dc(
                    {
                        "title": f"Accompagner les publics éloignés de l'écrit ({i})",
                        "creator": "Dupré, Hélène",
                        "date": "2021",
                        "language": "fre",
                    }
                )
            },
        )
    with BackgroundServer(make_app(Provider(repository, secret=b"bench"))) as server:
        start = time.perf_counter()
        report = Harvester(OAIClient(server.url)).harvest(lambda record: None)
        elapsed = time.perf_counter() - start
    assert report.records == count, report
    return [
        Figure(
            f"OAI engine alone: ListRecords oai_dc, {count} in-memory records over HTTP",
            count / elapsed,
            "records/s",
            ">= 3000 records/s",
            count / elapsed >= 3000,
        )
    ]
