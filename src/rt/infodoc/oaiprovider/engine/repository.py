"""What a provider needs from a repository, and an in-memory repository.

The Plone binding implements :class:`Repository` over the catalog; the
in-memory :class:`MemoryRepository` serves tests, benchmarks and stand-ins.
"""

import bisect
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Protocol
from typing import runtime_checkable

from lxml import etree

from . import datestamps


@dataclass(frozen=True)
class Header:
    """An item's OAI header. ``datestamp`` is an aware UTC datetime."""

    identifier: str
    datestamp: datetime
    sets: tuple = ()
    deleted: bool = False

    @property
    def key(self):
        """The stable cursor key: lists are ordered by it."""
        return (self.datestamp, self.identifier)


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str


@dataclass(frozen=True)
class SetInfo:
    spec: str
    name: str


@runtime_checkable
class Repository(Protocol):
    """The repository behind a :class:`rt.infodoc.oaiprovider.engine.provider.Provider`.

    ``from_``/``until`` are aware UTC datetimes or None (both inclusive);
    ``after`` is a ``(datestamp, identifier)`` key: return only items whose key
    is strictly greater.
    """

    def identify(self) -> dict:
        """repositoryName, baseURL, adminEmail (str or list), earliestDatestamp
        (datetime or OAI string), deletedRecord ("no", "persistent",
        "transient"), granularity ("YYYY-MM-DDThh:mm:ssZ" or "YYYY-MM-DD")."""

    def list_sets(self) -> list:
        """SetInfo items; an empty list means no set hierarchy."""

    def metadata_formats(self, identifier=None) -> list:
        """MetadataFormat items, all of them or those of one item."""

    def get_header(self, identifier) -> Header | None:
        """The item's header, None when the identifier is unknown."""

    def query(self, from_, until, set_spec, after=None, limit=100) -> list:
        """Headers ordered by (datestamp, identifier), at most ``limit``."""

    def count(self, from_, until, set_spec) -> int:
        """How many items ``query`` would return without ``after``/``limit``."""

    def metadata(self, identifier, prefix):
        """The item's metadata as an lxml element or as serialised bytes (one
        element, no XML declaration), or None when the item has none in that
        format."""


def in_set(header_sets, set_spec):
    """Set membership with hierarchy: "a" contains items of "a:b"."""
    if set_spec is None:
        return True
    prefix = set_spec + ":"
    return any(s == set_spec or s.startswith(prefix) for s in header_sets)


def _matches(header, from_, until, set_spec):
    if from_ is not None and header.datestamp < from_:
        return False
    if until is not None and header.datestamp > until:
        return False
    return in_set(header.sets, set_spec)


@dataclass
class MemoryRepository:
    """A repository held in memory, kept sorted by (datestamp, identifier)."""

    name: str = "Dépôt de test"
    base_url: str = "http://127.0.0.1/oai"
    admin_email: str = "admin@example.org"
    deleted_record: str = "persistent"
    granularity: str = datestamps.SECONDS
    formats: list = field(default_factory=list)
    sets: list = field(default_factory=list)

    def __post_init__(self):
        self._headers = {}
        self._metadata = {}
        self._keys = []

    # -- loading ---------------------------------------------------------
    def add(self, identifier, datestamp, metadata=None, sets=(), deleted=False):
        """Add or replace an item; ``metadata`` maps prefix -> element/bytes."""
        if identifier in self._headers:
            self.remove(identifier)
        header = Header(identifier, datestamps.to_utc(datestamp), tuple(sets), deleted)
        self._headers[identifier] = header
        self._metadata[identifier] = {} if deleted else dict(metadata or {})
        bisect.insort(self._keys, header.key)
        return header

    def delete(self, identifier, datestamp):
        """Mark an item deleted (persistent deletion keeps its header)."""
        old = self._headers[identifier]
        return self.add(identifier, datestamp, sets=old.sets, deleted=True)

    def remove(self, identifier):
        header = self._headers.pop(identifier)
        self._metadata.pop(identifier, None)
        index = bisect.bisect_left(self._keys, header.key)
        del self._keys[index]

    def __len__(self):
        return len(self._headers)

    # -- Repository --------------------------------------------------------
    def identify(self):
        earliest = self._keys[0][0] if self._keys else datestamps.parse("2000-01-01T00:00:00Z")
        return {
            "repositoryName": self.name,
            "baseURL": self.base_url,
            "adminEmail": self.admin_email,
            "earliestDatestamp": earliest,
            "deletedRecord": self.deleted_record,
            "granularity": self.granularity,
        }

    def list_sets(self):
        return list(self.sets)

    def metadata_formats(self, identifier=None):
        if identifier is None:
            return list(self.formats)
        header = self._headers.get(identifier)
        if header is None:
            return []
        if header.deleted:
            return list(self.formats)
        available = self._metadata[identifier]
        return [f for f in self.formats if f.prefix in available]

    def get_header(self, identifier):
        return self._headers.get(identifier)

    def query(self, from_, until, set_spec, after=None, limit=100):
        start = 0
        if from_ is not None:
            start = bisect.bisect_left(self._keys, (from_, ""))
        if after is not None:
            start = max(start, bisect.bisect_right(self._keys, after))
        result = []
        for key in _islice(self._keys, start):
            if until is not None and key[0] > until:
                break
            header = self._headers[key[1]]
            if in_set(header.sets, set_spec):
                result.append(header)
                if len(result) >= limit:
                    break
        return result

    def count(self, from_, until, set_spec):
        return sum(1 for h in self._headers.values() if _matches(h, from_, until, set_spec))

    def metadata(self, identifier, prefix):
        value = self._metadata.get(identifier, {}).get(prefix)
        if isinstance(value, etree._Element):
            return etree.tostring(value, encoding="utf-8")
        return value


def _islice(keys, start):
    for index in range(start, len(keys)):
        yield keys[index]


# Notes for a catalog-backed Repository (the Plone binding):
# - datestamp = modification date truncated to the second, in UTC; sort and
#   filter on that truncated value (an index of its own) then on the identifier,
#   so that the (datestamp, identifier) keys of ``after`` match the order.
# - ``after=(d, i)``: items with datestamp > d, or datestamp == d and identifier > i.
# - deletedRecord "persistent" needs tombstones (identifier, datestamp, sets) kept
#   when a notice is removed; ``query``/``get_header`` return them with deleted=True.
# - ``metadata`` may return pre-serialised bytes (e.g. cached on the object).
