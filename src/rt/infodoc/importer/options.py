"""Options of an import run (pure Python)."""

from dataclasses import dataclass

from .batches import DEFAULT_BATCH_SIZE


@dataclass
class ImportOptions:
    dry_run: bool = False
    withdraw_missing: bool = False  # full sync: Notices of `source` absent -> private
    source: str = "cosoter"  # provenance label stored on the Notices
    container: str = "fonds"  # where new Notices go (path in the site)
    batch_size: int = DEFAULT_BATCH_SIZE
    resume: bool = True  # continue after the checkpoint of the same file
    limit: int | None = None  # handle at most this many records (web page)
    flavour: str | None = None  # force "unimarc" / "marc21"
    bulk: bool = True  # fast writer (importer/bulk.py); False: per-object events
