"""Words typed -> a ZCTextIndex query for the catalog fallback (pure Python).

The catalog has no French stemming: each word becomes a prefix ("illettr*" is not
guessed), elisions and short stop words are dropped, the words are AND-ed. The
search box's syntax (search/syntax.py: phrases, OR, exclusions) becomes ZCTextIndex's
own: "a b" phrases (exact words), (x* OR y*), AND NOT; every word is a run of letters
and digits, so nothing typed is read as the index's syntax.
"""

import html
import re
from dataclasses import dataclass

from rt.infodoc.indexers.values import normalize_isbn
from rt.infodoc.search import syntax

STOPWORDS = {
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "de",
    "du",
    "d",
    "et",
    "ou",
    "en",
    "au",
    "aux",
    "a",
    "à",
    "pour",
    "par",
    "sur",
    "dans",
    "avec",
    "ce",
    "ces",
    "se",
    "sa",
    "son",
    "ses",
    "qui",
    "que",
    "qu",
}
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_WORD = re.compile(r"[\w]+", re.UNICODE)
_ISBN_LIKE = re.compile(r"^[\d\s\-xX]{8,}$")


def words(text):
    text = _ELISION.sub(" ", text or "")
    return [w for w in _WORD.findall(text) if w.lower() not in STOPWORDS]


def text_query(text):
    """ZCTextIndex query ("egalite* AND femmes* AND hommes*"), or "" for nothing."""
    if _ISBN_LIKE.match(text or ""):
        return normalize_isbn(text)
    return " AND ".join(f"{w}*" for w in words(text))


@dataclass(frozen=True)
class BoxQuery:
    """The catalog's reading of the search box: `query` for SearchableText (""
    when no word is looked for); `excluded`, the words to take out of everything
    when only exclusions were typed; `nothing` when the text has nothing to search."""

    query: str = ""
    excluded: str = ""
    nothing: bool = False


def _catalog_term(term):
    parts = [w for word in term.words for w in _WORD.findall(word)]
    if not parts or all(p.lower() in STOPWORDS for p in parts):
        return None
    if term.phrase or len(parts) > 1:
        # the catalog keeps "d" of "d'illettrisme" as a word: a phrase keeps it too
        return '"' + " ".join(_WORD.findall(term.raw) or parts) + '"'
    return f"{parts[0]}*"


def box_query(text, plain=""):
    """The ZCTextIndex reading of the box's `text` (syntax.py), AND-ed with the
    `plain` words of the advanced fields."""
    clauses = syntax.parse(text)
    required = [f"{w}*" for w in words(plain)]
    excluded = []
    for clause in clauses:
        terms = [t for t in (_catalog_term(t) for t in clause.terms) if t]
        if not terms:
            continue
        if clause.excluded:
            excluded.append(terms[0])
        elif len(terms) == 1:
            required.append(terms[0])
        else:
            required.append("(" + " OR ".join(terms) + ")")
    if syntax.nothing_searchable(text, clauses):
        return BoxQuery(nothing=True)
    if required:
        query = " AND ".join(required + [f"NOT {t}" for t in excluded])
        return BoxQuery(query=query)
    return BoxQuery(excluded=" OR ".join(excluded))


def is_identifier(text):
    return bool(_ISBN_LIKE.match(text or "")) and len(normalize_isbn(text)) >= 8


def highlight(text, typed, size=220, before=60):
    """Escaped `text` cut to a passage of about `size` characters, the typed words in
    <mark>: the passage starts a little before the first typed word, so a word
    found late in a long abstract is shown, not its first lines."""
    text = " ".join((text or "").split())
    marked = [w for w in sorted(set(words(typed)), key=len, reverse=True) if len(w) >= 3]
    if len(text) > size:
        first = min(
            (m.start() for w in marked for m in [re.search(rf"(?i)\b{re.escape(w)}", text)] if m),
            default=0,
        )
        start = 0
        if first > size - before:
            start = text.rfind(" ", 0, first - before) + 1
        passage = text[start : start + size]
        if start + size < len(text):
            passage = passage.rsplit(" ", 1)[0] + " …"
        text = ("… " if start else "") + passage
    escaped = html.escape(text)
    for word in marked:
        escaped = re.sub(rf"(?i)\b({re.escape(html.escape(word))}\w*)", r"<mark>\1</mark>", escaped)
    return escaped
