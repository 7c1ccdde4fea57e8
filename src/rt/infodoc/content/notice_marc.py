"""A Notice as the MARC it goes out as (Zope side of marc.outgoing).

Reads the Notice once: its field values, its kept record, and what its schema would
have held of the record's values (so that a value the importer had to drop is not
taken for the centre's deletion).  The Notice page's exports, the basket's and the
OAI-PMH provider all go through :func:`outgoing_of`.
"""

import copy
import datetime
import logging

from zope.interface import Invalid
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ValidationError

from rt.infodoc.content.notice import IMPORTED_FIELDS
from rt.infodoc.content.notice import RENAMED
from rt.infodoc.content.notice import INotice
from rt.infodoc.content.notice import schema_to_notice_fields
from rt.infodoc.marc.iso2709 import RecordError
from rt.infodoc.marc.outgoing import Outgoing
from rt.infodoc.marc.outgoing import kept_record

logger = logging.getLogger("rt.infodoc.content")

_FIELDS = dict(getFieldsInOrder(INotice))
_KEYS = tuple(n for n in IMPORTED_FIELDS if n not in ("marc_record", "marc_flavour"))
# The importer cuts longer titles (importer.apply._TITLE_MAX).
_TITLE_MAX = 2000


def _present(value):
    return value not in (None, "", [], (), {})


def notice_fields(obj):
    """The Notice's values as a dict of the field contract (docs/notice-fields.md)."""
    values = {"title": obj.title}
    for name in _KEYS + ("themes", "territory"):
        value = getattr(obj, name, None)
        if _present(value):
            values[name] = list(value) if isinstance(value, tuple) else value
    return schema_to_notice_fields({k: v for k, v in values.items() if _present(v)})


def _records_of(value):
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def holder(obj):
    """hold(key, value): the value the Notice would hold had it imported ``value``."""

    def hold(key, value):
        if key == "title":
            return value[:_TITLE_MAX] if isinstance(value, str) else value
        field = _FIELDS.get(RENAMED.get(key, key))
        if field is None:
            return value
        default = copy.deepcopy(field.default)
        if not _present(value):
            return default
        if key in ("authors", "items"):
            return value if _records_of(value) else default
        try:
            field.bind(obj)._validate(value)
        except (ValidationError, Invalid, ValueError, TypeError):
            return default
        return value

    return hold


def _day(value):
    return datetime.date(value.year(), value.month(), value.day())


def kept(obj):
    """(record, flavour) of the Notice's kept record, or None (none, or unreadable)."""
    text = getattr(obj, "marc_record", None)
    if not text:
        return None
    try:
        return kept_record(text, getattr(obj, "marc_flavour", None))
    except (RecordError, ValueError) as exc:
        logger.warning("notice %s : notice MARC d'origine illisible (%s)", obj.UID(), exc)
        return None


def outgoing_of(obj, fields=None):
    """The :class:`marc.outgoing.Outgoing` of a Notice (``fields``: its contract
    dict, when the caller has it already)."""
    original, flavour = kept(obj) or (None, None)
    modified = obj.modified()
    return Outgoing(
        notice_fields(obj) if fields is None else fields,
        original,
        flavour,
        hold=holder(obj),
        stored=frozenset(schema_to_notice_fields(dict.fromkeys(obj.__dict__))),
        record_id=obj.UID(),
        date_entered=_day(obj.created()),
        changed_on=modified.asdatetime().replace(tzinfo=None) if modified else None,
    )
