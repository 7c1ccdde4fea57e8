"""Sort keys of the ``oai_key`` catalog index (pure Python).

A key is ``"<datestamp>/<UID>"`` with the datestamp written as OAI-PMH writes it
(``YYYY-MM-DDThh:mm:ssZ``, UTC): fixed-width, so the string order is the
(datestamp, identifier) order the provider pages through, and each key is unique.
"""

from rt.infodoc.oaiprovider.engine import datestamps

SEPARATOR = "/"
# Every UID character ([0-9a-f-]) sorts after "/" and before "~".
_AFTER_ALL_UIDS = SEPARATOR + "~"


def make_key(datestamp, uid):
    """The index value of a record: ``datestamp`` is a datetime (UTC or naive UTC)."""
    return f"{datestamps.format(datestamp)}{SEPARATOR}{uid}"


def split_key(key):
    """(aware UTC datetime, uid) of a key."""
    stamp, _, uid = key.partition(SEPARATOR)
    return datestamps.parse(stamp), uid


def lower_bound(from_):
    """Smallest key at or after ``from_`` (aware datetime), None without bound."""
    return None if from_ is None else datestamps.format(from_)


def upper_bound(until):
    """Largest possible key at ``until`` (inclusive), None without bound."""
    return None if until is None else datestamps.format(until) + _AFTER_ALL_UIDS


def after_key(after, uid_of):
    """The key of an ``after=(datestamp, identifier)`` cursor; ``uid_of`` maps
    the OAI identifier to the UID (None when it is not one of ours)."""
    if after is None:
        return None
    datestamp, identifier = after
    uid = uid_of(identifier)
    if uid is None:
        # Not our identifier: continue after every record of that second.
        return datestamps.format(datestamp) + _AFTER_ALL_UIDS
    return make_key(datestamp, uid)
