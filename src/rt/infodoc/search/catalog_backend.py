"""The catalog path of the search, used while Solr is down.

The same SearchQuery through portal_catalog (its original searchResults, so
collective.solr never sees it): SearchableText prefixes, Keyword/Field index filters
(OR inside a facet, AND across), the user's allowedRolesAndUsers and effectiveRange
as for any catalog search. Facet counts are read from the indexes for the result set
itself, each facet with the OTHER facets applied.

The words (the costly part: each is a prefix over the text index's lexicon) are
searched once, with the security filters; each selected facet is one index lookup,
and the result set of the page and of every facet's counts is an intersection of
those record sets, in C. The page is then sorted from the same set.
"""

import math

from BTrees.IIBTree import IISet
from BTrees.IIBTree import difference
from BTrees.IIBTree import intersection
from Products.ZCatalog.query import IndexQuery

from rt.infodoc.indexers.values import normalize_isbn
from rt.infodoc.search import syntax
from rt.infodoc.search.catalog_text import BoxQuery
from rt.infodoc.search.catalog_text import box_query
from rt.infodoc.search.catalog_text import highlight
from rt.infodoc.search.catalog_text import is_identifier
from rt.infodoc.search.catalog_text import text_query
from rt.infodoc.search.facet_list import make_facets
from rt.infodoc.search.query import FACETS
from rt.infodoc.search.results import ResultItem
from rt.infodoc.search.results import SearchResults
from rt.infodoc.search.solr_params import YEAR_GAP
from rt.infodoc.search.solr_params import decade_value
from rt.infodoc.search.solr_params import year_range

SORTS = {
    "relevance": ("sortable_title", "ascending"),
    "date": ("year", "descending"),
    "title": ("sortable_title", "ascending"),
}
MAX_FACET_VALUES = 50


def _search(catalog, query):
    """The catalog's own searchResults (with its security filters), never Solr's."""
    method = getattr(catalog, "_cs_old_searchResults", None) or catalog.searchResults
    return method(query)


def base_query(query, types=None):
    """Catalog query of the words and advanced fields (without facet filters)."""
    catalog_query = {}
    plain = " ".join(t for t in (query.author, query.subject) if t)
    if is_identifier(query.text):
        catalog_query["isbn_norm"] = normalize_isbn(query.text)
        searchable = text_query(plain)
    else:
        searchable = box_query(query.text, plain).query
    if searchable:
        catalog_query["SearchableText"] = searchable
    title = text_query(query.title)
    if title:
        catalog_query["Title"] = title
    if query.isbn:
        catalog_query["isbn_norm"] = normalize_isbn(query.isbn)
    if types:
        catalog_query["portal_type"] = list(types)
    return catalog_query


def _years(values, year_from, year_to):
    """Explicit year list for the `year` FieldIndex (OR of the selected ranges, within
    the advanced-search bounds); None when no year value is selected."""
    if not values:
        return None
    years = set()
    for value in values:
        bounds = year_range(value)
        if bounds:
            years.update(range(bounds[0], bounds[1] + 1))
    low = -(10**6) if year_from is None else year_from
    high = 10**6 if year_to is None else year_to
    return sorted(y for y in years if low <= y <= high)


def filtered_query(query, types=None, without=None):
    """Catalog query with every facet filter except `without`."""
    catalog_query = base_query(query, types)
    for name, values in query.filters.items():
        if name == without or name == "year":
            continue
        catalog_query[name] = list(values)  # a list is OR for Field and Keyword indexes
    years = (
        None
        if without == "year"
        else _years(query.filters.get("year"), query.year_from, query.year_to)
    )
    if years is not None:
        catalog_query["year"] = {"query": years or [-1]}
    elif query.year_from is not None or query.year_to is not None:
        if query.year_from is not None and query.year_to is not None:
            catalog_query["year"] = {"query": [query.year_from, query.year_to], "range": "min:max"}
        elif query.year_from is not None:
            catalog_query["year"] = {"query": query.year_from, "range": "min"}
        else:
            catalog_query["year"] = {"query": query.year_to, "range": "max"}
    return catalog_query


def _values_of(index, rid):
    values = index._unindex.get(rid)
    if values is None:
        return ()
    if isinstance(values, (list, tuple, set, frozenset)):
        return values
    return (values,)


# facets with thousands of distinct values: counted record by record
WIDE_FACETS = frozenset({"authors", "descriptors"})
FEW_RECORDS = 300  # below this, reading each record's values is quicker


def _add(counts, name, value, count):
    if value in (None, "") or not count:
        return
    if name == "year":
        try:
            value = decade_value(int(value) // YEAR_GAP * YEAR_GAP)
        except (TypeError, ValueError):
            return
    counts[str(value)] = counts.get(str(value), 0) + count


def _count_by_record(index, name, rids):
    counts = {}
    for rid in rids:
        for value in _values_of(index, rid):
            _add(counts, name, value, 1)
    return counts


def _count_by_value(index, name, rids):
    """Each value's record set intersected with the results (in C, in BTrees)."""
    results = rids if isinstance(rids, IISet) else IISet(rids)
    counts = {}
    for value, records in index._index.items():
        if isinstance(records, int):  # UnIndex keeps a lone record as an int
            count = 1 if records in results else 0
        elif not records:
            continue
        else:
            count = len(intersection(results, records))
        if count:
            _add(counts, name, value, count)
    return counts


MANY_RECORDS = 1000  # above this, a wide facet is counted on its most frequent values
TOP_VALUES = 100  # the page shows 30 at most
_top = {}


def _top_values(catalog, name, index):
    """The TOP_VALUES values of the index that most records have, worked out once per
    state of the catalog (its counter changes at every change) and process."""
    key = ("/".join(catalog.getPhysicalPath()), name, catalog.getCounter())
    values = _top.get(key)
    if values is None:
        sizes = [
            (1 if isinstance(records, int) else len(records), value)
            for value, records in index._index.items()
        ]
        sizes.sort(key=lambda pair: -pair[0])
        values = [value for _size, value in sizes[:TOP_VALUES]]
        if len(_top) > 64:
            _top.clear()
        _top[key] = values
    return values


def _count_top_values(catalog, index, name, rids):
    """Exact counts of the index's most frequent values: a large result set of the
    catalog fallback shows those (the values only few records have may be missing;
    the page says the counts are less precise in this mode)."""
    results = rids if isinstance(rids, IISet) else IISet(rids)
    counts = {}
    for value in _top_values(catalog, name, index):
        records = index._index.get(value)
        if records is None:
            continue
        if isinstance(records, int):
            count = 1 if records in results else 0
        else:
            count = len(intersection(results, records))
        if count:
            _add(counts, name, value, count)
    return counts


def count_values(catalog, name, rids):
    """[(value, count)] of index `name` over the records `rids`, most frequent first."""
    index = catalog._catalog.indexes.get(name)
    if index is None:
        return []
    if not hasattr(index, "_index") or len(rids) < FEW_RECORDS:
        counts = _count_by_record(index, name, rids)
    elif name in WIDE_FACETS:
        if len(rids) > MANY_RECORDS:
            counts = _count_top_values(catalog, index, name, rids)
        else:
            counts = _count_by_record(index, name, rids)
    else:
        counts = _count_by_value(index, name, rids)
    if name == "year":
        return sorted(counts.items(), reverse=True)
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return ordered[:MAX_FACET_VALUES]


def _rids(catalog, catalog_query):
    """The record ids of an unsorted search, without making a brain of each."""
    found = _search(catalog, catalog_query)
    seq = getattr(found, "_seq", None)
    if seq is not None and len(seq) == len(found):
        if all(isinstance(rid, int) for rid in seq[:3]):
            return IISet(seq)
        if all(isinstance(item, tuple) and len(item) == 2 for item in seq[:3]):
            return IISet(rid for _score, rid in seq)  # ranked by a text index
    return IISet(brain.getRID() for brain in found)


def _index_rids(catalog, name, value):
    """The records one index gives for `value` (a catalog query value), alone: no
    words, no security (what it is intersected with carries those)."""
    records = catalog._catalog
    index = records.getIndex(name)
    index_query = IndexQuery(
        records.make_query({name: value}),
        index.id,
        index.query_options,
        index.operators,
        index.useOperator,
    )
    found = index.query_index(index_query) if index_query.keys is not None else None
    return found if found is not None else IISet()


def _words(catalog, query, types):
    """The records of the words typed (with the security filters). Only exclusions
    typed (-enfants): everything but what has them (ZCTextIndex has no query of NOT
    alone); nothing to search ("%", '""'): no record, as Solr."""
    box = BoxQuery() if is_identifier(query.text) else box_query(query.text)
    if box.nothing:
        return IISet()
    records = _rids(catalog, base_query(query, types))
    if box.excluded and records:
        without = {"SearchableText": box.excluded}
        if types:
            without["portal_type"] = list(types)
        records = difference(records, _rids(catalog, without))
    return records if records is not None else IISet()


class FilterSets:
    """The record sets of a search: its words (with the security filters) and each
    facet filter, combined on demand."""

    def __init__(self, catalog, query, types=None):
        self.words = _words(catalog, query, types)
        self.filters = {
            name: _index_rids(catalog, name, list(values))
            for name, values in query.filters.items()
            if name != "year"
        }
        with_years = filtered_query(query).get("year")
        bounds = filtered_query(query, without="year").get("year")
        self.years = None if with_years is None else _index_rids(catalog, "year", with_years)
        self.bounds = None if bounds is None else _index_rids(catalog, "year", bounds)

    def records(self, without=None):
        """The records of the search with every facet filter except `without`."""
        records = self.words
        for name, found in self.filters.items():
            if name != without:
                records = intersection(records, found)
        years = self.bounds if without == "year" else self.years
        if years is not None:
            records = intersection(records, years)
        return records if records is not None else IISet()


def _sorted_page(catalog, rids, sort, end):
    """The first `end` brains of `rids` in the order of `sort` (SORTS)."""
    if not rids:
        return []
    sort_on, sort_order = SORTS[sort]
    records = catalog._catalog
    index = records.getIndex(sort_on)
    page = list(
        records.sortResults(
            rids,
            index,
            reverse=sort_order == "descending",
            limit=end,
            merge=True,
            actual_result_count=len(rids),
            b_start=0,
            b_size=end,
        )
    )
    if len(page) < min(end, len(rids)) and sort_on != "sortable_title":
        # the catalog drops the records the sort index has no value for (a dossier
        # has no year); Solr puts them last: so does the fallback, by title
        valued = index.documentToKeyMap()
        missing = IISet(rid for rid in rids if rid not in valued)
        page += list(_sorted_page(catalog, missing, "title", end - len(page)))
    return page


def run(catalog, query, url_of, titles, types=None):
    end = query.start + query.page_size
    sets = FilterSets(catalog, query, types)
    rids = sets.records()
    total = len(rids)
    counts = {}
    for name in FACETS:
        facet_rids = sets.records(without=name) if name in query.filters else rids
        counts[name] = count_values(catalog, name, facet_rids)
    brains = _sorted_page(catalog, rids, query.sort, end) if query.start < total else []
    page = brains[query.start : end]
    items = [item_of(catalog, brain, query, url_of, titles) for brain in page]
    return SearchResults(
        total=total,
        items=items,
        facets=make_facets(counts, query.filters, titles),
        suggestion=None,
        backend="catalog",
        degraded_notice=None,
        query=query,
        pages=math.ceil(total / query.page_size) if total else 0,
    )


def _metadata(brain, name, default=None):
    value = getattr(brain, name, default)
    if value is None or value.__class__.__name__ == "Missing":
        return default
    try:
        if not value and value != 0:
            return default
    except Exception:
        return default
    return value


def _as_list(value):
    if not value:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def item_of(catalog, brain, query, url_of, titles):
    rid = brain.getRID()
    indexes = catalog._catalog.indexes

    def indexed(name):
        index = indexes.get(name)
        return list(_values_of(index, rid)) if index is not None else []

    document_type = _metadata(brain, "document_type")
    description = _metadata(brain, "Description", "") or ""
    return ResultItem(
        uid=brain.UID,
        url=url_of(brain.getPath()),
        title=_metadata(brain, "Title", "") or "",
        portal_type=brain.portal_type,
        production_kind=_metadata(brain, "production_kind"),
        authors=_as_list(_metadata(brain, "authors")),
        year=_metadata(brain, "year"),
        document_type=document_type,
        document_type_title=titles("document_type", document_type) if document_type else None,
        support=_metadata(brain, "support"),
        availability=indexed("availability"),
        relay_sites=indexed("relay_sites"),
        snippet=highlight(description, " ".join((*_looked_for(query.text), query.title))),
        urls=[],
        description=description,
        review_state=_metadata(brain, "review_state"),
        modified=_iso(_metadata(brain, "modified")),
    )


def _looked_for(text):
    """The words of the box that are looked for (not those excluded)."""
    return syntax.positive_words(syntax.parse(text))


def _iso(date):
    """A catalog DateTime as ISO 8601 in UTC ("" when missing)."""
    if date is None or not hasattr(date, "toZone"):
        return ""
    return date.toZone("UTC").ISO8601().replace("+00:00", "Z")
