"""The OAI datestamp of a content object and the ``oai_key`` indexer.

A record's datestamp is the later of its modification date and its last
workflow transition: publishing an old record makes it new to incremental
harvesters (a harvester asking ``from`` its last visit must get it).
"""

from datetime import UTC

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer

from rt.infodoc.oaiprovider.engine import datestamps
from rt.infodoc.oaiprovider.keys import make_key
from rt.infodoc.oaiprovider.sets import DISSEMINATED_TYPES


def _utc(value):
    """A Zope DateTime as an aware UTC datetime."""
    return value.asdatetime().astimezone(UTC)


def last_transition(obj):
    """Time of the object's last workflow action, or None."""
    history = getattr(obj, "workflow_history", None) or {}
    times = [
        entries[-1]["time"]
        for entries in history.values()
        if entries and entries[-1].get("time") is not None
    ]
    return max((_utc(t) for t in times), default=None)


def oai_datestamp(obj):
    stamps = [_utc(obj.modified())]
    transition = last_transition(obj)
    if transition is not None:
        stamps.append(transition)
    return datestamps.to_utc(max(stamps))


@indexer(IDexterityContent)
def oai_key(obj):
    if obj.portal_type not in DISSEMINATED_TYPES:
        raise AttributeError("oai_key")
    return make_key(oai_datestamp(obj), obj.UID())
