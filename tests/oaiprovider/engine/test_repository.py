"""MemoryRepository: ordering by (datestamp, identifier), cursor keys, sets."""

from datetime import timedelta

from rt.infodoc.oaiprovider.engine.repository import MemoryRepository
from rt.infodoc.oaiprovider.engine.repository import Repository
from rt.infodoc.oaiprovider.engine.repository import in_set

from .conftest import START


def make():
    repo = MemoryRepository()
    for ident in ("c", "a", "b"):  # same second: ordered by identifier
        repo.add(f"oai:{ident}", START, sets=["x:y"])
    repo.add("oai:0", START - timedelta(seconds=1))
    return repo


def test_is_a_repository():
    assert isinstance(MemoryRepository(), Repository)


def test_query_orders_and_resumes_after_a_key():
    repo = make()
    first = repo.query(None, None, None, limit=2)
    assert [h.identifier for h in first] == ["oai:0", "oai:a"]
    rest = repo.query(None, None, None, after=first[-1].key, limit=10)
    assert [h.identifier for h in rest] == ["oai:b", "oai:c"]
    assert repo.query(START, START, "x", limit=10)[0].identifier == "oai:a"
    assert repo.count(START, None, "x") == 3 and repo.count(None, None, "y") == 0


def test_update_moves_an_item_and_remove_forgets_it():
    repo = make()
    repo.add("oai:a", START + timedelta(hours=1))
    assert [h.identifier for h in repo.query(None, None, None)][-1] == "oai:a"
    repo.remove("oai:b")
    assert len(repo) == 3 and repo.get_header("oai:b") is None
    deleted = repo.delete("oai:c", START + timedelta(hours=2))
    assert deleted.deleted and deleted.sets == ("x:y",) and repo.metadata("oai:c", "oai_dc") is None


def test_set_hierarchy():
    assert in_set(("a:b",), "a") and in_set(("a",), "a") and not in_set(("ab",), "a")
    assert not in_set(("a",), "a:b") and in_set((), None)
