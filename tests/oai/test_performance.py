"""Throughput: a full ListRecords harvest of 30,000 records over real HTTP with
our own harvester must run at 3,000 records/s or more."""

import time
from datetime import timedelta

from rt.infodoc.harvest.client import OAIClient
from rt.infodoc.harvest.harvester import Harvester
from rt.infodoc.oai.metadata import OAI_DC, oai_dc
from rt.infodoc.oai.provider import Provider
from rt.infodoc.oai.repository import MemoryRepository
from rt.infodoc.oai.wsgi import BackgroundServer, make_app

from .conftest import SECRET, START

N = 30_000
TARGET = 3_000  # records per second


def test_30000_records_over_http_at_3000_per_second():
    repo = MemoryRepository(formats=[OAI_DC])
    for i in range(N):
        repo.add(f"oai:rt-infodoc:{i}", START + timedelta(seconds=i // 2), {"oai_dc": oai_dc(
            {"title": f"Accompagner les publics éloignés de l'écrit ({i})",
             "creator": "Dupré, Hélène", "date": "2021", "language": "fre"})})
    titles = set()
    with BackgroundServer(make_app(Provider(repo, secret=SECRET))) as server:
        started = time.perf_counter()
        report = Harvester(OAIClient(server.url)).harvest(
            lambda r: titles.add(r.metadata_element[0].text))
        elapsed = time.perf_counter() - started
    assert report.status == "ok" and report.records == N == len(titles)
    assert report.pages == N // 100
    rate = N / elapsed
    print(f"\n{N} records in {elapsed:.2f} s: {rate:.0f} records/s")
    assert rate >= TARGET, f"{rate:.0f} records/s"
