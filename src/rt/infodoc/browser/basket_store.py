"""The basket ("panier") kept in a cookie: a list of content UIDs. Pure Python.

A cookie (not only localStorage) so that anonymous readers keep their basket across
searches and the server can render /panier and its exports without JavaScript.
"""

import re

COOKIE = "rt_panier"
SEPARATOR = "."
MAX_ITEMS = 100  # 100 UIDs of 32 characters stay under the 4 KB cookie limit
_UID = re.compile(r"^[0-9a-f]{32}$")


def is_uid(value):
    return bool(_UID.match(value or ""))


def parse(cookie_value):
    """UIDs of a cookie value, in order, without duplicates or garbage."""
    uids = []
    for part in (cookie_value or "").split(SEPARATOR):
        part = part.strip().lower()
        if is_uid(part) and part not in uids:
            uids.append(part)
    return uids[:MAX_ITEMS]


def serialize(uids):
    return SEPARATOR.join(parse(SEPARATOR.join(uids)))


def add(uids, uid):
    """The basket with `uid` appended (the oldest dropped when full)."""
    uid = (uid or "").lower()
    if not is_uid(uid) or uid in uids:
        return list(uids)
    return (list(uids) + [uid])[-MAX_ITEMS:]


def remove(uids, uid):
    return [u for u in uids if u != (uid or "").lower()]
