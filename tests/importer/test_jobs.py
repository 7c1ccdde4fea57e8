"""Background import jobs: what the page's tests cannot make happen on demand.

Two requests that each saw no running job and each record one must not both
commit, or two imports would run side by side. ``jobs.record`` writes the import
state object as well as the job list, so the second commit fails (whatever BTree
conflict resolution would make of the two records), Zope retries that request,
and the retry finds the first job running. On a FileStorage, as behind ZEO in
production: the test layers' DemoStorage resolves no conflict at all.
"""

import pytest
import transaction
import ZODB
from ZODB.FileStorage import FileStorage
from ZODB.POSException import ConflictError

from rt.infodoc.importer import jobs
from rt.infodoc.importer.state import ImportState


def _job(job_id, status=jobs.QUEUED):
    return {"id": job_id, "kind": jobs.IMPORT, "status": status, "created": 0.0}


@pytest.fixture()
def db(tmp_path):
    database = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    with database.transaction() as conn:
        state = conn.root()["state"] = ImportState()
        jobs.jobs_tree(state, create=True)["job-m"] = _job("job-m", jobs.DONE)
    yield database
    database.close()


def _two_at_once(db, write):
    """Two connections each ``write(state, key)`` (keys on both sides of an
    existing one, as two processes with different clocks could make them); commit
    both; the second commit's error, or None."""
    managers = [transaction.TransactionManager() for _ in range(2)]
    connections = [db.open(transaction_manager=tm) for tm in managers]
    try:
        for key, conn in zip(("job-a", "job-z"), connections, strict=False):
            write(conn.root()["state"], key)
        managers[0].commit()
        try:
            managers[1].commit()
        except ConflictError as exc:
            managers[1].abort()
            return exc
        return None
    finally:
        for conn in connections:
            conn.close()


def test_two_launches_at_the_same_moment_conflict(db):
    assert isinstance(
        _two_at_once(db, lambda state, key: jobs.record(state, _job(key))), ConflictError
    )
    with db.transaction() as conn:
        state = conn.root()["state"]
        assert list(jobs.jobs_tree(state)) == ["job-a", "job-m"]
        assert state.last_launch == "job-a"
