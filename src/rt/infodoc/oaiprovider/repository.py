"""The catalog-backed Repository of the OAI-PMH provider.

Everything is read as Anonymous would see it: the candidate records are the
catalog entries of the disseminated types whose ``allowedRolesAndUsers``
holds "Anonymous" and whose effective range contains now, whoever asks.

Lists page through the ``oai_key`` index (``"<datestamp>/<UID>"``, see
:mod:`.keys`) from the token's key, so no page costs more than the records it
returns; deleted records come from the tombstone store and are merged in key
order. A list without set checks each record it meets (:class:`_Visibility`)
rather than intersecting every record's rids for each page. Serialised
metadata comes from the metadata cache, ordered by the same keys; an object is
woken only to (re)build a missing or stale entry.
"""

import functools
import heapq
from bisect import bisect_left
from bisect import bisect_right

from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from DateTime import DateTime
from Products.CMFCore.utils import getToolByName
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory

from rt.infodoc.oaiprovider import sets as oai_sets
from rt.infodoc.oaiprovider.cache import get_cache
from rt.infodoc.oaiprovider.engine import datestamps
from rt.infodoc.oaiprovider.engine.repository import Header
from rt.infodoc.oaiprovider.engine.repository import SetInfo
from rt.infodoc.oaiprovider.identifiers import make_identifier
from rt.infodoc.oaiprovider.identifiers import uid_of
from rt.infodoc.oaiprovider.keys import SEPARATOR
from rt.infodoc.oaiprovider.keys import after_key
from rt.infodoc.oaiprovider.keys import lower_bound
from rt.infodoc.oaiprovider.keys import split_key
from rt.infodoc.oaiprovider.keys import upper_bound
from rt.infodoc.oaiprovider.producers import ALL_FORMATS
from rt.infodoc.oaiprovider.producers import MARC_PREFIXES
from rt.infodoc.oaiprovider.producers import formats_for
from rt.infodoc.oaiprovider.producers import produce
from rt.infodoc.oaiprovider.settings import read_settings
from rt.infodoc.oaiprovider.tombstones import get_store

KEY_INDEX = "oai_key"
ANONYMOUS = "Anonymous"
# Below this share of the indexed records, a list sorts its candidates' keys
# instead of walking the whole key index.
_SELECTIVE = 0.05


def _rids(value):
    """The rids of a FieldIndex entry (one int or a set)."""
    return (value,) if isinstance(value, int) else value


@functools.lru_cache(maxsize=2048)
def _memo_header_sets(themes, document_type, production_kind):
    return oai_sets.header_sets(themes, document_type, production_kind)


def _header_sets(themes, document_type, production_kind):
    """The set specs of a record from its catalog columns (few distinct
    combinations: memoised)."""
    if isinstance(themes, list):
        themes = tuple(themes)
    try:
        return _memo_header_sets(themes, document_type, production_kind)
    except TypeError:  # a value that cannot be hashed
        return oai_sets.header_sets(themes, document_type, production_kind)


def _vocabulary_terms(site, name):
    factory = queryUtility(IVocabularyFactory, name)
    if factory is None:
        return []
    return [(term.token, term.title or term.token) for term in factory(site)]


class _Visibility:
    """``rid in visibility``: whether Anonymous may see the catalog record now
    and it is of one of ``types``, read from the indexes of that one record
    (what :attr:`PloneRepository.visible` computes for every record at once)."""

    def __init__(self, indexes, types, now):
        self.types = frozenset(types)
        self.type_of = indexes["portal_type"]._unindex
        anonymous = indexes["allowedRolesAndUsers"]._index.get(ANONYMOUS, ())
        self.anonymous = (anonymous,) if isinstance(anonymous, int) else anonymous
        effective = indexes["effectiveRange"]
        self.ranges = effective._unindex
        self.minute = effective._convertDateTime(now)

    def __contains__(self, rid):
        if self.type_of.get(rid) not in self.types or rid not in self.anonymous:
            return False
        since, until = self.ranges.get(rid) or (None, None)
        minute = self.minute
        return (since is None or since <= minute) and (until is None or until >= minute)


class PloneRepository:
    """A :class:`rt.infodoc.oaiprovider.engine.repository.Repository` over the site's catalog.

    One instance serves one request: it memoises the set of visible records.
    """

    def __init__(self, site, base_url=None, settings=None, now=None):
        self.site = site
        self.settings = settings or read_settings()
        self.namespace = self.settings["namespace"]
        self.base_url = base_url or site.absolute_url() + "/oai"
        self.catalog = getToolByName(site, "portal_catalog")._catalog
        self.indexes = self.catalog.indexes
        self.key_index = self.indexes[KEY_INDEX]
        self.now = now or DateTime()
        self._visible = None
        self._visibility = None
        self._rid_of = {}
        # The metadata prefix of the list being served (set by PloneProvider):
        # lists in a MARC format hold Notices only.
        self.list_prefix = None
        self._cache = None
        self._columns = {
            name: self.catalog.schema[name]
            for name in ("portal_type", "themes", "document_type", "production_kind")
        }

    # -- helpers ---------------------------------------------------------------
    def _query(self, name, query, resultset=None):
        result = self.indexes[name]._apply_index({name: query}, resultset=resultset)
        return IISet() if result is None else result[0]

    @property
    def visible(self):
        """rids of the records Anonymous may see, of the disseminated types."""
        if self._visible is None:
            rids = self._query("portal_type", {"query": list(oai_sets.DISSEMINATED_TYPES)})
            rids = intersection(
                rids, self._query("allowedRolesAndUsers", {"query": [ANONYMOUS], "operator": "or"})
            )
            rids = self._query("effectiveRange", {"query": self.now}, resultset=rids)
            self._visible = rids
        return self._visible

    def _unfiltered(self, notices_only):
        """The candidates of a list without set: the visible records (of the
        Notice type only with ``notices_only``), as a set of rids when they
        are few, else as a :class:`_Visibility` check of each record, which
        spares a page the intersection of every record's rids."""
        anonymous = self.indexes["allowedRolesAndUsers"]._index.get(ANONYMOUS, ())
        size = 1 if isinstance(anonymous, int) else len(anonymous)
        if size < _SELECTIVE * max(len(self.catalog), 1):
            visible = self.visible
            if notices_only:
                visible = intersection(
                    visible, self._query("portal_type", {"query": list(oai_sets.NOTICE_TYPES)})
                )
            return visible
        types = oai_sets.NOTICE_TYPES if notices_only else oai_sets.DISSEMINATED_TYPES
        return _Visibility(self.indexes, types, self.now)

    def uid_of(self, identifier):
        return uid_of(self.namespace, identifier)

    def _live_rid(self, uid):
        rid = self.indexes["UID"]._index.get(uid)
        if rid is None or rid not in self.key_index._unindex:
            return None
        if self._visible is not None:
            return rid if rid in self._visible else None
        if self._visibility is None:
            self._visibility = _Visibility(self.indexes, oai_sets.DISSEMINATED_TYPES, self.now)
        return rid if rid in self._visibility else None

    def _metadata(self, rid):
        return self.catalog.data[rid]

    def _live_header(self, key, rid):
        datestamp, uid = split_key(key)
        record = self._metadata(rid)
        columns = self._columns
        specs = _header_sets(
            record[columns["themes"]],
            record[columns["document_type"]],
            record[columns["production_kind"]],
        )
        identifier = make_identifier(self.namespace, uid)
        self._rid_of[identifier] = (rid, uid, key)
        return Header(identifier, datestamp, specs)

    def _dead_header(self, uid, tombstone):
        datestamp, specs, _portal_type = tombstone
        return Header(make_identifier(self.namespace, uid), datestamp, tuple(specs), deleted=True)

    def _tombstones(self, create=False):
        return get_store(self.site, create=create)

    def _notices_only(self):
        return self.list_prefix in MARC_PREFIXES

    def _candidates(self, set_spec):
        if set_spec is None:
            return self._unfiltered(self._notices_only())
        visible = self.visible
        if self._notices_only():
            visible = intersection(
                visible, self._query("portal_type", {"query": list(oai_sets.NOTICE_TYPES)})
            )
        parsed = oai_sets.parse_spec(set_spec)
        if parsed is None:
            return IISet()
        index_name, token = parsed
        if token is not None:
            tokens = [token]
        elif index_name == "production_kind":
            tokens = list(oai_sets.PRODUCTION_SETS)
        else:
            tokens = [v for v in self.indexes[index_name].uniqueValues() if v]
        if not tokens:
            return IISet()
        return intersection(visible, self._query(index_name, {"query": tokens}))

    # -- key streams -------------------------------------------------------------
    def _live_keys(self, candidates, lo, hi, exclude_lo):
        """(key, rid) of candidate records in key order within the bounds."""
        unindex = self.key_index._unindex
        if not isinstance(candidates, _Visibility) and len(candidates) < _SELECTIVE * max(
            len(unindex), 1
        ):
            pairs = sorted((unindex[rid], rid) for rid in candidates if rid in unindex)
            start = 0
            if lo is not None and exclude_lo:
                start = bisect_right(pairs, (lo, float("inf")))
            elif lo is not None:
                start = bisect_left(pairs, (lo,))
            for key, rid in pairs[start:]:
                if hi is not None and key > hi:
                    return
                yield key, rid
            return
        index = self.key_index._index
        rid_of_uid = self.indexes["UID"]._index
        for key in index.keys(min=lo, max=hi, excludemin=exclude_lo and lo is not None):
            # A key names its record's UID: its rid comes from the UID index,
            # which spares loading the key's index row (a persistent set each).
            rid = rid_of_uid.get(key.partition(SEPARATOR)[2])
            rids = (rid,) if rid is not None and unindex.get(rid) == key else _rids(index[key])
            for rid in rids:
                if rid in candidates:
                    yield key, rid

    def _dead_keys(self, set_spec, lo, hi, exclude_lo):
        """(key, uid, tombstone) of deleted records in key order within the bounds."""
        store = self._tombstones()
        if store is None or not len(store):
            return
        if set_spec is not None and oai_sets.parse_spec(set_spec) is None:
            return
        for key, uid in store.keys(lo, hi, exclude_lo):
            if self._live_rid(uid) is not None:
                continue  # visible again: the live record wins
            tombstone = store.get(uid)
            if self._notices_only() and tombstone[2] not in oai_sets.NOTICE_TYPES:
                continue
            if set_spec is None or oai_sets.sets_in_spec(tombstone[1], set_spec):
                yield key, uid, tombstone

    # -- Repository ------------------------------------------------------------
    def identify(self):
        earliest = None
        for key, _rid in self._live_keys(self._unfiltered(False), None, None, False):
            earliest = key
            break
        store = self._tombstones()
        if store is not None and store.first_key() is not None:
            first = store.first_key()
            earliest = first if earliest is None else min(earliest, first)
        stamp = split_key(earliest)[0] if earliest else datestamps.now()
        return {
            "repositoryName": self.settings["repository_name"],
            "baseURL": self.base_url,
            "adminEmail": self.settings["admin_email"],
            "earliestDatestamp": stamp,
            "deletedRecord": "persistent",
            "granularity": datestamps.SECONDS,
        }

    def list_sets(self):
        themes = _vocabulary_terms(self.site, "rt.infodoc.themes")
        types = _vocabulary_terms(self.site, "rt.infodoc.document_types")
        return [SetInfo(spec, name) for spec, name in oai_sets.set_list(themes, types)]

    def metadata_formats(self, identifier=None):
        if identifier is None:
            return list(ALL_FORMATS)
        uid = self.uid_of(identifier)
        if uid is None:
            return []
        rid = self._live_rid(uid)
        if rid is not None:
            return list(formats_for(self._metadata(rid)[self._columns["portal_type"]]))
        store = self._tombstones()
        tombstone = store.get(uid) if store is not None else None
        return list(formats_for(tombstone[2])) if tombstone else []

    def get_header(self, identifier):
        uid = self.uid_of(identifier)
        if uid is None:
            return None
        rid = self._live_rid(uid)
        if rid is not None:
            return self._live_header(self.key_index._unindex[rid], rid)
        store = self._tombstones()
        tombstone = store.get(uid) if store is not None else None
        return self._dead_header(uid, tombstone) if tombstone else None

    def _bounds(self, from_, until, after):
        lo, hi = lower_bound(from_), upper_bound(until)
        cursor = after_key(after, self.uid_of)
        if cursor is not None and (lo is None or cursor >= lo):
            return cursor, hi, True
        return lo, hi, False

    def query(self, from_, until, set_spec, after=None, limit=100):
        lo, hi, exclude = self._bounds(from_, until, after)
        live = (
            (key, 0, rid)
            for key, rid in self._live_keys(self._candidates(set_spec), lo, hi, exclude)
        )
        dead = (
            (key, 1, (uid, tombstone))
            for key, uid, tombstone in self._dead_keys(set_spec, lo, hi, exclude)
        )
        headers = []
        for key, kind, value in heapq.merge(live, dead):
            if kind == 0:
                headers.append(self._live_header(key, value))
            else:
                headers.append(self._dead_header(*value))
            if len(headers) >= limit:
                break
        if set_spec is None:
            self._sweep(headers, lo, hi, last=len(headers) < limit)
        return headers

    def count(self, from_, until, set_spec):
        candidates = self._candidates(set_spec)
        if isinstance(candidates, _Visibility):
            candidates = self.visible
            if self._notices_only():
                candidates = intersection(
                    candidates, self._query("portal_type", {"query": list(oai_sets.NOTICE_TYPES)})
                )
        lo, hi = lower_bound(from_), upper_bound(until)
        if lo is None and hi is None:
            unindex = self.key_index._unindex
            live = sum(1 for rid in candidates if rid in unindex)
        else:
            query = {"query": (lo or "", hi) if hi else lo, "range": "min:max" if hi else "min"}
            live = len(intersection(candidates, self._query(KEY_INDEX, query)))
        dead = sum(1 for _ in self._dead_keys(set_spec, lo, hi, False))
        return live + dead

    def metadata(self, identifier, prefix):
        rid, uid, key = self._rid_of.get(identifier) or (None, self.uid_of(identifier), None)
        if rid is None:
            rid = self._live_rid(uid) if uid else None
        if rid is None:
            return None
        if key is None:
            key = self.key_index._unindex.get(rid)
        cache = self._metadata_cache()
        data = cache.get(key, prefix)
        if data is None:
            obj = self.site.unrestrictedTraverse(self.catalog.paths[rid])
            data = produce(obj, prefix, obj.absolute_url())
            if data is not None:
                cache.put(key, prefix, data)
        return data

    def _metadata_cache(self, create=True):
        if self._cache is None:
            self._cache = get_cache(self.site, create=create)
        return self._cache

    def _sweep(self, headers, lo, hi, last):
        """Drop the cached entries of the list's format that lie in the key range
        this page walked (from the list's lower bound or the previous page's last
        key to this page's last key; to the list's upper bound on the last page)
        but belong to no catalog record any more (left by a record since
        modified, withdrawn or deleted). Only for lists of the whole repository,
        whose pages span few other keys."""
        keys = [self._rid_of[h.identifier][2] for h in headers if not h.deleted]
        cache = self._metadata_cache(create=False)
        if cache is None or self.list_prefix is None or not (keys or last):
            return
        page = set(keys)
        index = self.key_index._index
        cache.sweep(
            self.list_prefix, lo, hi if last else keys[-1], lambda key: key in page or key in index
        )
