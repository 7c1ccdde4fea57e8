"""Records as JSON for the REST answers (dates in ISO 8601)."""

from datetime import date
from datetime import datetime

from rt.infodoc.circulation.rules import statuses


def plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def record(obj, skip=()):
    if obj is None:
        return None
    return {k: plain(v) for k, v in obj.as_dict().items() if k not in skip}


def copy(obj, loan=None):
    data = record(obj)
    if data is not None:
        data["status_title"] = statuses.STATUS_TITLES.get(obj.status, obj.status)
        data["loan"] = record(loan, skip=("reminders",)) if loan is not None else None
    return data


def loan(obj):
    return record(obj, skip=("reminders",))
