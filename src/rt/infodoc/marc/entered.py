"""The date a record was entered on file (its cataloguing date), read straight from
ISO 2709 bytes: UNIMARC 100$a/0-7 (YYYYMMDD), else MARC 21 008/00-05 (yymmdd).

The portal's "Dernières acquisitions" list sorts by this date: a fund imported
in one run was created in the site within the same minute, so the site's own
creation date says nothing about which records the centre catalogued last.
Pure Python, no pymarc: one directory walk per record at indexing time.
"""

import datetime

FIELD_END = b"\x1e"
SUBFIELD = b"\x1f"


def _fields(data):
    """{tag: bytes of its first occurrence} from an ISO 2709 record."""
    if len(data) < 24 or not data[12:17].isdigit():
        return {}
    base = int(data[12:17])
    directory = data[24 : data.find(FIELD_END, 24)] if FIELD_END in data[24:] else b""
    fields = {}
    for start in range(0, len(directory) - 11, 12):
        entry = directory[start : start + 12]
        tag = entry[:3].decode("ascii", "replace")
        if not entry[3:12].isdigit() or tag in fields:
            continue
        length, offset = int(entry[3:7]), int(entry[7:12])
        fields[tag] = data[base + offset : base + offset + length].rstrip(FIELD_END)
    return fields


def _day(text, fmt):
    try:
        return datetime.datetime.strptime(text, fmt).date()
    except ValueError:
        return None


def date_entered(record, flavour=None):
    """The record's cataloguing date (a ``datetime.date``) or None.

    ``record`` is ISO 2709 as bytes or text (a Notice's ``marc_record``);
    ``flavour`` "unimarc" or "marc21" when known (else both are tried, UNIMARC first).
    """
    if not record:
        return None
    data = record.encode("utf-8") if isinstance(record, str) else bytes(record)
    fields = _fields(data)
    if flavour != "marc21" and "100" in fields:
        for part in fields["100"].split(SUBFIELD)[1:]:
            if part[:1] == b"a":
                found = _day(part[1:9].decode("ascii", "replace"), "%Y%m%d")
                if found:
                    return found
    if flavour != "unimarc" and "008" in fields:
        return _day(fields["008"][:6].decode("ascii", "replace"), "%y%m%d")
    return None
