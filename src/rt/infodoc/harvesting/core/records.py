"""What a harvest delivers (records) and what it tells (its report)."""

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field


@dataclass(frozen=True)
class HarvestedRecord:
    identifier: str
    datestamp: str  # as the provider wrote it (UTC, its granularity)
    deleted: bool
    sets: tuple
    metadata_element: object  # lxml element (the child of <metadata>), None if deleted
    prefix: str


@dataclass
class HarvestReport:
    base_url: str
    source: str = ""
    prefix: str = ""
    from_: str | None = None
    until: str | None = None
    sets: list = field(default_factory=list)
    started: str = ""
    finished: str = ""
    status: str = "running"  # "ok", "empty", "failed"
    records: int = 0  # delivered to the consumer, deleted included
    deleted: int = 0
    pages: int = 0
    duplicates: int = 0  # skipped: same identifier+datestamp already delivered
    already_harvested: int = 0  # skipped: delivered by the previous incremental run
    restarts: int = 0  # lists restarted after an expired resumption token
    retries: int = 0  # HTTP retries (timeouts, connection errors, 5xx, 503)
    complete_list_size: int | None = None
    last_datestamp: str | None = None
    bad_records: list = field(default_factory=list)  # {"page", "position", "reason"}
    errors: list = field(default_factory=list)  # {"type", "message", ...}
    warnings: list = field(default_factory=list)

    def to_dict(self):
        data = asdict(self)
        data["from"] = data.pop("from_")
        return data
