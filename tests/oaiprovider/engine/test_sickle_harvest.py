"""A third-party harvester (sickle) harvests the whole provider over real HTTP."""

from datetime import timedelta

import pytest
from sickle import Sickle

from rt.infodoc.oaiprovider.engine.metadata import OAI_DC
from rt.infodoc.oaiprovider.engine.metadata import oai_dc
from rt.infodoc.oaiprovider.engine.provider import Provider
from rt.infodoc.oaiprovider.engine.repository import MemoryRepository
from rt.infodoc.oaiprovider.engine.repository import SetInfo
from rt.infodoc.oaiprovider.engine.wsgi import BackgroundServer
from rt.infodoc.oaiprovider.engine.wsgi import make_app

from .conftest import SECRET
from .conftest import START

N = 1234


@pytest.fixture(scope="module")
def endpoint():
    repo = MemoryRepository(formats=[OAI_DC], sets=[SetInfo("fonds", "Fonds documentaire")])
    for i in range(N):
        repo.add(
            f"oai:rt-infodoc:{i}",
            START + timedelta(seconds=i // 3),
            {"oai_dc": oai_dc({"title": f"Lutte contre l'illettrisme, tome {i}"})},
            sets=["fonds"],
        )
    for i in range(0, N, 100):
        repo.delete(f"oai:rt-infodoc:{i}", START + timedelta(days=2, seconds=i))
    with BackgroundServer(make_app(Provider(repo, secret=SECRET, page_size=100))) as srv:
        yield srv.url + "/oai", repo


def test_sickle_list_records_gets_every_record(endpoint):
    url, repo = endpoint
    sickle = Sickle(url, max_retries=0)
    records = list(sickle.ListRecords(metadataPrefix="oai_dc", ignore_deleted=False))
    ids = [r.header.identifier for r in records]
    assert len(ids) == N and len(set(ids)) == N
    deleted = [r.header.identifier for r in records if r.header.deleted]
    assert len(deleted) == len(range(0, N, 100))
    live = [r for r in records if not r.header.deleted]
    i = int(live[0].header.identifier.rsplit(":", 1)[1])
    assert live[0].metadata["title"] == [f"Lutte contre l'illettrisme, tome {i}"]


def test_sickle_list_identifiers_with_set_and_from(endpoint):
    url, repo = endpoint
    sickle = Sickle(url)
    headers = list(
        sickle.ListIdentifiers(
            metadataPrefix="oai_dc", set="fonds", **{"from": "2024-01-01T08:02:00Z"}
        )
    )
    # live notices stamped from 08:02:00 on, plus every deleted one (stamped later)
    expected = {f"oai:rt-infodoc:{i}" for i in range(N) if i // 3 >= 120 or i % 100 == 0}
    assert sorted(h.identifier for h in headers) == sorted(expected)


def test_sickle_identify_and_formats(endpoint):
    url, _ = endpoint
    sickle = Sickle(url)
    assert sickle.Identify().granularity == "YYYY-MM-DDThh:mm:ssZ"
    assert [f.metadataPrefix for f in sickle.ListMetadataFormats()] == ["oai_dc"]
