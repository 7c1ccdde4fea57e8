"""Batches, run ids and the checkpoint format (pure Python).

A run commits one transaction per batch; the checkpoint written in that same
transaction says which records are done, so a run killed at any moment starts
again after its last committed batch.  A checkpoint is keyed by the SHA-1 of the
file it belongs to and is stored in the ZODB as a plain dict.
"""

import hashlib
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from itertools import islice

DEFAULT_BATCH_SIZE = 1000


def file_sha1(path, block=1 << 20) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as stream:
        while True:
            chunk = stream.read(block)
            if not chunk:
                break
            digest.update(chunk)
    return digest.hexdigest()


def bytes_sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def new_run_id(file_digest: str | None, when: datetime | None = None) -> str:
    when = when or datetime.now(UTC)
    return f"{when:%Y%m%dT%H%M%S}-{(file_digest or 'flux')[:8]}"


def batch_id(run_id: str, number: int) -> str:
    """``<run id>-<batch number, 4 digits>``, e.g. 20260101T120000-1a2b3c4d-0003."""
    return f"{run_id}-{number:04d}"


def batched(iterable, size: int):
    """Lists of at most ``size`` items."""
    if size < 1:
        raise ValueError("batch size must be positive")
    iterator = iter(iterable)
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        yield chunk


@dataclass
class Checkpoint:
    file_sha1: str
    run_id: str
    position: int = 0  # last record position of the last committed batch
    batches: int = 0  # batches committed
    done: bool = False
    updated: str = ""
    report: dict = field(default_factory=dict)  # ImportReport.to_dict() so far

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Checkpoint":
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    def resumable(self) -> bool:
        return not self.done and self.position > 0
