"""Records as JSON for the REST answers (dates in ISO 8601); a copy's status
also by its title, translated for the request like on the staff pages."""

from datetime import date
from datetime import datetime

from rt.infodoc.circulation.texts import status_text


def plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def record(obj, skip=()):
    if obj is None:
        return None
    return {k: plain(v) for k, v in obj.as_dict().items() if k not in skip}


def copy(obj, request, loan=None):
    data = record(obj)
    if data is not None:
        data["status_title"] = status_text(obj.status, request)
        data["loan"] = record(loan, skip=("reminders",)) if loan is not None else None
    return data


def loan(obj):
    return record(obj, skip=("reminders",))
