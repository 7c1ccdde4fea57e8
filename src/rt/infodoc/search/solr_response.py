"""Reading Solr's JSON answer (pure Python): hits, facet counts, suggestion."""

from rt.infodoc.search.query import FACETS
from rt.infodoc.search.solr_params import FIELD_FACETS
from rt.infodoc.search.solr_params import SNIPPET_FIELDS
from rt.infodoc.search.solr_params import decade_value


def _pairs(value):
    """Solr named lists: [[k, v], ...] (json.nl=arrarr) or flat [k, v, k, v]."""
    if isinstance(value, dict):
        return list(value.items())
    if value and isinstance(value[0], list):
        return [tuple(pair) for pair in value]
    return list(zip(value[::2], value[1::2], strict=False))


def hits(data):
    """(numFound, [doc dict with a `snippet`]) of a /select answer."""
    response = data.get("response", {})
    highlighting = data.get("highlighting", {}) or {}
    docs = []
    for doc in response.get("docs", []):
        fragments = highlighting.get(doc.get("UID"), {}) or {}
        docs.append({**doc, "snippet": snippet_of(fragments)})
    return response.get("numFound", 0), docs


def snippet_of(fragments):
    """The first passage of the snippet fields that marks a typed word ("" if none):
    the title only when nothing else matched."""
    for field in SNIPPET_FIELDS:
        passages = [p for p in fragments.get(field) or [] if "<mark>" in p]
        if passages:
            return " … ".join(passages)
    return ""


def facet_counts(data, filters=None):
    """{facet name: [(value, count), ...]} in Solr's order, selected values included."""
    section = data.get("facet_counts", {}) or {}
    counts = {name: [] for name in FACETS}
    for name in FIELD_FACETS:
        counts[name] = [
            (str(v), int(c)) for v, c in _pairs(section.get("facet_fields", {}).get(name, [])) if c
        ]
    year = (section.get("facet_ranges", {}) or {}).get("year", {})
    counts["year"] = [
        (decade_value(int(start)), int(count))
        for start, count in _pairs(year.get("counts", []))
        if int(count)
    ]
    counts["year"].sort(key=lambda pair: pair[0], reverse=True)
    filters = filters or {}
    for key, count in _pairs(section.get("facet_queries", {}) or {}):
        if not key.startswith("selected|"):
            continue
        _, name, index = key.split("|", 2)
        try:
            value = filters[name][int(index)]
        except (KeyError, IndexError, ValueError):
            continue
        if value not in dict(counts[name]):
            counts[name].append((value, int(count)))
    return counts


def suggestion(data):
    """The best collation of the spellchecker, or None."""
    spell = data.get("spellcheck") or {}
    collations = _pairs(spell.get("collations", []) or [])
    for key, value in collations:
        if key == "collation":
            if isinstance(value, dict):
                return value.get("collationQuery") or None
            return value or None
    return None


def suggest_terms(data, limit):
    """Completion titles of a /suggest answer, without duplicates."""
    terms = []
    for per_query in (data.get("suggest", {}).get("titles", {}) or {}).values():
        for entry in per_query.get("suggestions", []):
            term = entry.get("term")
            if term and term not in terms:
                terms.append(term)
    return terms[:limit]
