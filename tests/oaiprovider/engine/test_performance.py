"""A large ListRecords harvest over real HTTP delivers every record once.

The harvest rate itself is measured by `make bench` (scripts/benchmarks/pure.py),
not here: timings do not belong in tests on a small, noisy machine."""

from datetime import timedelta

from rt.infodoc.harvesting.core.client import OAIClient
from rt.infodoc.harvesting.core.harvester import Harvester
from rt.infodoc.oaiprovider.engine.metadata import OAI_DC
from rt.infodoc.oaiprovider.engine.metadata import oai_dc
from rt.infodoc.oaiprovider.engine.provider import Provider
from rt.infodoc.oaiprovider.engine.repository import MemoryRepository
from rt.infodoc.oaiprovider.engine.wsgi import BackgroundServer
from rt.infodoc.oaiprovider.engine.wsgi import make_app

from .conftest import SECRET
from .conftest import START

N = 5_000


def test_large_harvest_over_http_gets_every_record_once():
    repo = MemoryRepository(formats=[OAI_DC])
    for i in range(N):
        repo.add(
            f"oai:rt-infodoc:{i}",
            START + timedelta(seconds=i // 2),
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
    titles = set()
    with BackgroundServer(make_app(Provider(repo, secret=SECRET))) as server:
        report = Harvester(OAIClient(server.url)).harvest(
            lambda r: titles.add(r.metadata_element[0].text)
        )
    assert report.status == "ok" and report.records == N == len(titles)
    assert report.pages == N // 100
