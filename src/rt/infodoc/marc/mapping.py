"""Record -> Notice dict (docs/notice-fields.md), and its content hash."""

import hashlib
import json

from . import marc21_mapping
from . import unimarc_mapping
from .extract import FieldIndex
from .flavour import MARC21
from .flavour import UNIMARC
from .flavour import record_flavour

TABLES = {UNIMARC: unimarc_mapping.TABLE, MARC21: marc21_mapping.TABLE}


def to_notice(record, flavour: str | None = None) -> dict:
    """Map a pymarc Record to the Notice dict; absent values are left out.

    `flavour` ("unimarc" / "marc21") is detected from the record when None.
    """
    flavour = flavour or record_flavour(record)
    index = FieldIndex(record)
    notice = {}
    for key, extract in TABLES[flavour]:
        value = extract(index)
        if value:
            notice[key] = value
    notice["marc_flavour"] = flavour
    return notice


def record_hash(notice: dict) -> str:
    """Stable hash of a Notice dict's content (key order does not matter)."""
    payload = json.dumps(notice, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()
