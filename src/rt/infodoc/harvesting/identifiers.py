"""The COSOTer identifier of a harvested record (pure Python).

Rule: PMB builds its OAI identifiers as ``oai:<host>:<notice id>`` and writes the
same notice id in the record's 001 (checked against tests/standins/pmb_oai.py).
The identifier of a record is therefore the text after the last ``:`` of its OAI
identifier.  It is the only identifier a deleted header carries, so it is what
``apply_deleted`` is given; for a MARC record the 001 stays authoritative for the
matching, and a record whose 001 differs from its OAI identifier gets a warning
(a later deletion of it would not be found).
"""


def cosoter_id(oai_identifier: str) -> str | None:
    """``oai:cosoter.example:12345`` -> ``"12345"``; None when nothing follows ':'."""
    value = (oai_identifier or "").strip()
    tail = value.rsplit(":", 1)[-1].strip()
    return tail or None
