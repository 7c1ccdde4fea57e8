"""Decide, record by record, what an import does (pure Python, no Zope).

A ``MatchIndex`` is a snapshot of the Notices already in the site (their key, i.e.
their path relative to the site, by COSOTer identifier and by ISBN/ISSN), kept up to
date in memory during a run.  ``plan_record`` turns a decoded record into a
``Decision``: create, update, unchanged or reject.
"""

import hashlib
import re
from dataclasses import dataclass
from dataclasses import field

from rt.infodoc.indexers.values import normalize_isbn
from rt.infodoc.marc.mapping import record_hash
from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.text import sort_key

CREATE = "create"
UPDATE = "update"
UNCHANGED = "unchanged"
REJECT = "reject"

_UNSAFE_ID = re.compile(r"[^a-z0-9_-]+")


def raw_sha1(raw: bytes) -> str:
    return hashlib.sha1(raw).hexdigest()


def notice_id(mapped: dict) -> str:
    """The content id of a new Notice: stable, from the COSOTer identifier.

    ``n<001>`` ("n12345"); without 001, ``isbn-<isbn>``; else ``h<content hash>``.
    """
    cosoter = (mapped.get("cosoter_id") or "").strip().lower()
    if cosoter:
        return "n" + _UNSAFE_ID.sub("-", cosoter).strip("-")
    for value in identifiers(mapped):
        return "isbn-" + value.lower()
    return "h" + record_hash(mapped)[:16]


def identifiers(mapped: dict) -> list[str]:
    """Normalised ISBNs then ISSN of a mapped record (matching keys after 001)."""
    values = list(mapped.get("isbn") or [])
    if mapped.get("issn"):
        values.append(mapped["issn"])
    found = []
    for value in values:
        norm = normalize_isbn(value)
        if len(norm) >= 8 and norm not in found:
            found.append(norm)
    return found


@dataclass
class MatchIndex:
    """Existing Notices by key (path relative to the site)."""

    by_cosoter: dict = field(default_factory=dict)  # cosoter_id -> key
    by_identifier: dict = field(default_factory=dict)  # normalised ISBN/ISSN -> key
    keys: set = field(default_factory=set)  # every existing Notice key
    cosoter_of: dict = field(default_factory=dict)  # key -> cosoter_id
    # titles, only to tell whether a repaired record would duplicate a Notice;
    # folded on the first question (a run of sound records never asks)
    titles: dict = field(default_factory=dict)  # key -> title
    _by_title: dict | None = None  # sort_key(title) -> key

    def add_title(self, key: str, title):
        if title:
            self.titles[key] = title
            if self._by_title is not None:
                self._by_title.setdefault(sort_key(title), key)

    def same_title(self, title) -> str | None:
        """Key of a Notice with the same title (folded), or None."""
        if self._by_title is None:
            self._by_title = {}
            for key, value in self.titles.items():
                self._by_title.setdefault(sort_key(value), key)
        return self._by_title.get(sort_key(title or "")) if title else None

    def add(self, key: str, cosoter_id=None, isbns=(), title=None):
        self.keys.add(key)
        self.add_title(key, title)
        if cosoter_id:
            self.by_cosoter[cosoter_id] = key
            self.cosoter_of[key] = cosoter_id
        for value in isbns:
            norm = normalize_isbn(value)
            if norm:
                self.by_identifier.setdefault(norm, key)

    def add_mapped(self, key: str, mapped: dict):
        self.keys.add(key)
        self.add_title(key, mapped.get("title"))
        if mapped.get("cosoter_id"):
            self.by_cosoter[mapped["cosoter_id"]] = key
            self.cosoter_of[key] = mapped["cosoter_id"]
        for norm in identifiers(mapped):
            self.by_identifier.setdefault(norm, key)

    def discard(self, key: str):
        self.keys.discard(key)
        self.cosoter_of.pop(key, None)
        self.titles.pop(key, None)
        self._by_title = None
        for table in (self.by_cosoter, self.by_identifier):
            for name in [name for name, value in table.items() if value == key]:
                del table[name]

    def match(self, mapped: dict):
        """(key, how) of the Notice this record describes, or (None, None).

        The COSOTer identifier (001) wins; then ISBN/ISSN, but only against a
        Notice that has no other COSOTer identifier.
        """
        cosoter = mapped.get("cosoter_id")
        if cosoter and cosoter in self.by_cosoter:
            return self.by_cosoter[cosoter], "cosoter_id"
        for norm in identifiers(mapped):
            key = self.by_identifier.get(norm)
            if key is None:
                continue
            owner = self.cosoter_of.get(key)
            if cosoter and owner and owner != cosoter:
                continue  # another record of the catalogue with the same ISBN
            return key, "isbn"
        return None, None


@dataclass
class Decision:
    action: str
    position: int
    offset: int | None = None
    identifier: str | None = None
    key: str | None = None  # existing Notice (update/unchanged) or new key
    matched_by: str | None = None  # "cosoter_id", "isbn", "raw"
    mapped: dict | None = None
    content_hash: str | None = None
    raw_sha1: str | None = None
    record: object = None  # pymarc Record (kept for marc_record)
    flavour: str | None = None
    reason: str | None = None
    warnings: list = field(default_factory=list)


def map_result(result):
    """(mapped dict, error) of a ReadResult; mapping errors become French reasons."""
    if not result.ok:
        return None, result.error or "notice illisible"
    try:
        mapped = to_notice(result.record, result.flavour)
    except Exception as exc:  # a mapping bug must not stop the run
        return None, f"conversion impossible : {exc.__class__.__name__}: {exc}"
    if not mapped.get("title"):
        return None, "notice sans titre (200$a / 245$a absent)"
    return mapped, None


def plan_record(
    result, index: MatchIndex, existing_hash, container_path="fonds", raw_digest=None
) -> Decision:
    """The Decision for one ReadResult.

    ``existing_hash(key)`` gives the content hash stored on an existing Notice
    (None when unknown); ``container_path`` is where new Notices go.
    """
    digest = raw_digest or (raw_sha1(result.raw) if result.raw else None)
    decision = Decision(
        action=REJECT,
        position=result.position,
        offset=result.offset,
        identifier=result.identifier,
        raw_sha1=digest,
        record=result.record,
        flavour=result.flavour,
        warnings=list(result.warnings),
    )
    mapped, error = map_result(result)
    if error:
        decision.reason = error
        return decision
    decision.mapped = mapped
    decision.identifier = mapped.get("cosoter_id") or result.identifier
    decision.content_hash = record_hash(mapped)
    key, how = index.match(mapped)
    if key is None and not mapped.get("cosoter_id") and not identifiers(mapped):
        candidate = f"{container_path}/{notice_id(mapped)}"
        if candidate in index.keys:  # no identifier at all: same content, same id
            key, how = candidate, "hash"
    if key is None:
        decision.action = CREATE
        decision.key = f"{container_path}/{notice_id(mapped)}"
        return decision
    decision.key, decision.matched_by = key, how
    same = existing_hash(key) == decision.content_hash
    decision.action = UNCHANGED if same else UPDATE
    return decision
