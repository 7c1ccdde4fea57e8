"""Solr request parameters for a SearchQuery (pure Python).

edismax over the French catch-all with a title boost and exact-field boosts; every
facet filter is a tagged `fq` and every facet excludes its own tag, so the counts
of one facet are those of the results with the OTHER facets applied (OR inside a
facet, AND across facets). The caller gives the user's `allowedRolesAndUsers`.
"""

import re

from rt.infodoc.search import syntax
from rt.infodoc.search.query import FACETS

# Fields asked back from Solr for a result item.
FIELDS = (
    "UID",
    "Title",
    "Description",
    "portal_type",
    "path_string",
    "review_state",
    "authors",
    "year",
    "document_type",
    "support",
    "availability",
    "relay_sites",
    "production_kind",
    "urls",
    "modified",
    "score",
)

# Highlighted passages come from these stored fields, in this order of preference:
# the abstract, the description, the table of contents, the title.
SNIPPET_FIELDS = ("summary", "Description", "contents", "Title")

QUERY_FIELDS = (
    "title_fr^5 text_exact^2 authors_text^2 subjects_text^2 text_fr isbn_norm^20 cosoter_id^20"
)
PHRASE_FIELDS = "title_fr^10 text_fr^2"

FIELD_FACETS = tuple(name for name in FACETS if name != "year")
FACET_LIMITS = {"authors": 30, "descriptors": 30}
DEFAULT_FACET_LIMIT = 50

# "Did you mean" only when the words found fewer results than this (Solr's
# spellcheck.maxResultsForSuggest: the spellchecker and its collation queries do
# not run on the other searches).
SUGGEST_BELOW = 3

YEAR_START = 1800
YEAR_GAP = 10

SORTS = {
    "relevance": "score desc, sortable_title asc",
    "date": "year desc, sortable_title asc",
    "title": "sortable_title asc",
}

_YEAR_RANGE = re.compile(r"^\s*(\d{1,4})\s*(?:-\s*(\d{1,4})\s*)?$")
_ISBN_LIKE = re.compile(r"^[\d\s\-xX]{8,}$")
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


def _escape_term(value):
    return re.sub(r'([\\+\-!(){}\[\]^"~*?:/&|\s])', r"\\\1", str(value))


def quote(value):
    """A Solr phrase for a literal value (string fields match it exactly)."""
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def year_range(value):
    """(first, last) of a year facet value: "2015" or "2010-2019"; None if invalid."""
    match = _YEAR_RANGE.match(str(value))
    if not match:
        return None
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    return (first, last) if first <= last else (last, first)


def decade_value(first):
    """The facet value of the decade starting at `first`, e.g. "2010-2019"."""
    return f"{first}-{first + YEAR_GAP - 1}"


def normalize_identifier(value):
    """ISBN/ISSN without hyphens or spaces, lower case (as Solr's isbn_norm)."""
    return re.sub(r"[\s\-\u2010-\u2013.]", "", value or "").lower()


def clean_text(text):
    """The words typed, without Solr syntax a user does not mean (the advanced
    search's fields: words only)."""
    text = _ELISION.sub(" ", text or "")
    text = re.sub(r'[\\+\-!(){}\[\]^"~*?:/&|]', " ", text) if not _ISBN_LIKE.match(text) else text
    return " ".join(text.split())


# A search whose text has nothing to look for ("%", '""', "-"): no record, as before
# the box had a syntax (Solr found nothing for such words).
NOTHING = "-*:*"


def box_query(text):
    """The edismax `q` of the search box (syntax.py: phrases, OR, exclusions, every
    word escaped), the plain words looked for (for the spellchecker), and whether
    nothing is searchable. An ISBN or ISSN typed with hyphens is one identifier."""
    text = text or ""
    if _ISBN_LIKE.match(text):
        chunks = [c for c in text.split() if re.search(r"\w", c)]
        return " ".join(_escape_term(c) for c in chunks), chunks, not chunks
    clauses = syntax.parse(text)
    words = syntax.positive_words(clauses)
    return syntax.solr_query(clauses), words, syntax.nothing_searchable(text, clauses)


def _value_clause(name, value):
    """The Solr clause matching one facet value (None for an invalid year)."""
    if name == "year":
        bounds = year_range(value)
        return f"year:[{bounds[0]} TO {bounds[1]}]" if bounds else None
    return f"{name}:{quote(value)}"


def filter_query(name, values):
    """The tagged `fq` of one facet: its values OR-ed."""
    clauses = [c for c in (_value_clause(name, v) for v in values) if c]
    if not clauses:
        return None
    return f"{{!tag={name}}}(" + " OR ".join(clauses) + ")"


def security_filter(allowed_roles_and_users):
    """Only what the user may see (collective.solr stores ':' as '$')."""
    values = [r.replace(":", "$") for r in allowed_roles_and_users] or ["Anonymous"]
    return "allowedRolesAndUsers:(" + " OR ".join(quote(v) for v in values) + ")"


# What the catalog's effectiveRange does: nothing not yet effective, nothing expired.
EFFECTIVE_FILTER = "-effective:{NOW/MINUTE TO *] -expires:[* TO NOW/MINUTE}"


def search_params(query, allowed_roles_and_users, show_inactive=False, current_year=2100):
    """A list of (name, value) pairs for Solr's /select with defType=edismax."""
    text, words, nothing = box_query(query.text)
    params = [
        ("defType", "edismax"),
        ("q", text or "*:*"),
        ("q.op", "AND"),
        ("lowercaseOperators", "false"),
        ("qf", QUERY_FIELDS),
        ("pf", PHRASE_FIELDS),
        ("mm", "100%"),
        ("fl", " ".join(FIELDS)),
        ("start", str(query.start)),
        ("rows", str(query.page_size)),
        ("sort", SORTS[query.sort] if text or query.sort != "relevance" else "sortable_title asc"),
        ("fq", security_filter(allowed_roles_and_users)),
        ("wt", "json"),
        ("json.nl", "arrarr"),
        ("echoParams", "none"),
    ]
    if not show_inactive:
        params.append(("fq", EFFECTIVE_FILTER))
    if nothing:
        params.append(("fq", NOTHING))
    params.extend(_advanced(query))
    for name, values in query.filters.items():
        fq = filter_query(name, values)
        if fq:
            params.append(("fq", fq))
    params.extend(_facets(query, current_year))
    if text:
        params.extend(
            [
                ("hl", "true"),
                ("hl.method", "unified"),
                # passages of text a reader wrote, never SearchableText (the
                # keyword list with ISBNs, COSOTer numbers and local notes)
                ("hl.fl", " ".join(SNIPPET_FIELDS)),
                ("hl.requireFieldMatch", "false"),
                ("hl.snippets", "1"),
                ("hl.fragsize", "220"),
                ("hl.encoder", "html"),
                ("hl.tag.pre", "<mark>"),
                ("hl.tag.post", "</mark>"),
            ]
        )
    if words:
        params.extend(
            [
                ("spellcheck", "true"),
                # the words alone: a collation of the query's syntax is no suggestion
                ("spellcheck.q", " ".join(words)),
                ("spellcheck.maxResultsForSuggest", str(SUGGEST_BELOW - 1)),
                ("spellcheck.collate", "true"),
                ("spellcheck.onlyMorePopular", "false"),
            ]
        )
    return params


def _advanced(query):
    """Advanced-search fields as extra filters (each word required)."""
    params = []
    fields = (("title", "title_fr"), ("author", "authors_text"), ("subject", "subjects_text"))
    for attribute, field in fields:
        words = clean_text(getattr(query, attribute))
        if words:
            key = f"adv_{attribute}"
            params.append(("fq", f"{{!edismax qf={field} q.op=AND mm=100% v=${key}}}"))
            params.append((key, words))
    if query.isbn:
        params.append(("fq", f"isbn_norm:{quote(normalize_identifier(query.isbn))}"))
    if query.year_from is not None or query.year_to is not None:
        first = "*" if query.year_from is None else query.year_from
        last = "*" if query.year_to is None else query.year_to
        params.append(("fq", f"year:[{first} TO {last}]"))
    return params


def _facets(query, current_year):
    params = [("facet", "true"), ("facet.mincount", "1"), ("facet.sort", "count")]
    for name in FIELD_FACETS:
        params.append(("facet.field", f"{{!ex={name} key={name}}}{name}"))
        params.append((f"f.{name}.facet.limit", str(FACET_LIMITS.get(name, DEFAULT_FACET_LIMIT))))
    for name in FACETS:
        for index, value in enumerate(query.filters.get(name, ())):
            # selected values always come back with their count, even out of the top
            clause = _value_clause(name, value)
            if clause:
                params.append(
                    ("facet.query", f"{{!ex={name} key=selected|{name}|{index}}}{clause}")
                )
    end = (current_year // YEAR_GAP + 1) * YEAR_GAP
    params.extend(
        [
            ("facet.range", "{!ex=year key=year}year"),
            ("f.year.facet.range.start", str(YEAR_START)),
            ("f.year.facet.range.end", str(end)),
            ("f.year.facet.range.gap", str(YEAR_GAP)),
        ]
    )
    return params


def _exact_context(value):
    """A context filter matching the stored context `value` exactly.

    Solr parses ``suggest.cfq`` with the suggester's text analyzer, which splits
    "user$reseau-a" into three words that match no stored context: a reader's own
    and their groups' entries (a network's private space) never completed. A
    regular expression is not analyzed and matches the whole term; every other
    character escaped, "reseau-a" never matches "reseau-ab"."""
    return "/" + re.sub(r"([^0-9A-Za-z_])", r"\\\1", str(value)) + "/"


def suggest_params(prefix, allowed_roles_and_users, limit=8):
    """Parameters of the /suggest handler (title completion) for this user."""
    roles = [r.replace(":", "$") for r in allowed_roles_and_users] or ["Anonymous"]
    return [
        ("suggest", "true"),
        ("suggest.dictionary", "titles"),
        ("suggest.q", prefix),
        ("suggest.count", str(limit)),
        ("suggest.cfq", " OR ".join(_exact_context(r) for r in roles)),
        ("wt", "json"),
    ]
