"""What a reader may type in the search box, read into clauses (pure Python).

The syntax of library portals and web search engines, and nothing more:
- words are all required (AND), as before;
- "politique de la ville" (or « … », “ … ”) is an exact phrase;
- -enfants, -"petite enfance", NOT enfants: without this word or phrase;
- illettrisme OR parentalité (OU as well, upper case only): one or the other; OR binds
  the two words around it, the clauses are still AND-ed
  (`a OR b c` = (a OR b) AND c);
- AND between words is accepted and changes nothing.

Nothing typed ever reaches a query parser as syntax: every word comes out as plain
words (split at the characters Solr and ZCTextIndex read as operators) that
`solr_query` escapes and `catalog_text` quotes. Odd input never fails: an unclosed
quote runs to the end, a lone "-", an OR at the start or end, an OR next to an
exclusion are dropped. French elisions (l', d', qu'...) are taken off.
"""

import re
from dataclasses import dataclass

QUOTES_OPEN = '"«“„'
QUOTES_CLOSE = '"»”“'
OR_WORDS = frozenset({"OR", "OU"})
AND_WORDS = frozenset({"AND"})
NOT_WORDS = frozenset({"NOT"})

ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
# what Lucene's and ZCTextIndex's parsers read as syntax: a word is cut there
_SYNTAX = re.compile(r'[\\+\-!(){}\[\]^"~*?:/&|«»“”„\s]+')
_WORDISH = re.compile(r"\w", re.UNICODE)

# French function words (a subset of Solr's stopwords_fr.txt, which also holds all
# of them once accents are folded): a phrase or an alternative made of these only
# would match nothing in Solr, everything in the catalog; it is left out.
STOPWORDS = frozenset(
    "le la les l un une des de du d et ou en au aux a à pour par sur dans avec ce ces "
    "se sa son ses qui que qu".split()
)


@dataclass(frozen=True)
class Term:
    """One word, or a phrase (its words in order)."""

    words: tuple
    phrase: bool = False
    raw: str = ""  # as typed (the catalog keeps the elided articles of a phrase)

    @property
    def void(self):
        """Only function words: nothing to look for."""
        return all(w.lower() in STOPWORDS for w in self.words)


@dataclass(frozen=True)
class Clause:
    """Alternatives (OR) of which one is required, or a term that must be absent."""

    terms: tuple
    excluded: bool = False


def split_words(text):
    """The words of `text`: elisions off, cut at syntax characters."""
    text = ELISION.sub(" ", text)
    return tuple(w for w in _SYNTAX.split(text) if _WORDISH.search(w))


def _term(raw, phrase):
    words = split_words(raw)
    if not words:
        return None
    # a word holding syntax characters (femmes-hommes, Seine-Saint-Denis) is read
    # as the phrase of its parts, as the indexes read it
    return Term(words, phrase=phrase or len(words) > 1, raw=raw)


def tokens(text):
    """("word"|"phrase", excluded, raw) and ("op", name) tokens of the typed text."""
    found = []
    i, size = 0, len(text)
    while i < size:
        char = text[i]
        if char.isspace():
            i += 1
            continue
        excluded = False
        start = i
        while i < size and text[i] in "-+":
            excluded = excluded or text[i] == "-"
            i += 1
        prefixed = i != start
        if i < size and text[i] in QUOTES_OPEN:
            end = i + 1
            while end < size and text[end] not in QUOTES_CLOSE:
                end += 1
            found.append(("phrase", excluded, text[i + 1 : end]))
            i = end + 1
            continue
        end = i
        while end < size and not text[end].isspace() and text[end] not in QUOTES_OPEN:
            end += 1
        raw = text[i:end]
        i = end
        if not raw:  # a lone "-" or "+"
            continue
        if not prefixed:
            if raw in OR_WORDS:
                found.append(("op", "OR"))
                continue
            if raw in AND_WORDS:
                found.append(("op", "AND"))
                continue
            if raw in NOT_WORDS:
                found.append(("op", "NOT"))
                continue
        found.append(("word", excluded, raw))
    return found


def parse(text):
    """The clauses of the typed text, in order (empty when nothing is searchable)."""
    clauses = []
    pending_or = pending_not = False
    for token in tokens(text or ""):
        if token[0] == "op":
            pending_or = token[1] == "OR"
            pending_not = token[1] == "NOT"
            continue
        kind, excluded, raw = token
        term = _term(raw, kind == "phrase")
        if term is None:
            pending_or = pending_not = False
            continue
        excluded = excluded or pending_not
        joins = pending_or and not excluded and clauses and not clauses[-1].excluded
        if joins:
            clauses[-1] = Clause(clauses[-1].terms + (term,))
        else:
            clauses.append(Clause((term,), excluded))
        pending_or = pending_not = False
    return clauses


def positive_words(clauses):
    """The words looked for (not those excluded), in order: for the spellchecker and
    the marks in a snippet."""
    return [w for c in clauses if not c.excluded for t in c.terms for w in t.words]


def nothing_searchable(text, clauses):
    """Something was typed, but no word to look for or to exclude ("%", "-", '""')."""
    return bool((text or "").strip()) and not any(not t.void for c in clauses for t in c.terms)


# ------------------------------------------------------------ Solr (edismax)

_SOLR_SPECIAL = re.compile(r'([\\+\-!(){}\[\]^"~*?:/&|\s])')


def _solr_word(word):
    escaped = _SOLR_SPECIAL.sub(r"\\\1", word)
    # never an operator, whatever lowercaseOperators says
    return escaped.lower() if escaped.upper() in ("AND", "OR", "NOT", "TO") else escaped


def _solr_term(term):
    if term.phrase:
        return '"' + " ".join(_solr_word(w) for w in term.words) + '"'
    return _solr_word(term.words[0])


def solr_query(clauses):
    """The edismax query of the clauses ("" for none). Plain words stay plain: with
    mm=100% each is required, and edismax leaves out the function words (a required
    "+de" would match nothing); a group of alternatives counts as one clause."""
    parts = []
    for clause in clauses:
        terms = clause.terms
        if len(terms) > 1 or terms[0].phrase or clause.excluded:
            terms = tuple(t for t in terms if not t.void)
        if not terms:
            continue
        if clause.excluded:
            parts.append("-" + _solr_term(terms[0]))
        elif len(terms) == 1:
            parts.append(_solr_term(terms[0]))
        else:
            parts.append("(" + " OR ".join(_solr_term(t) for t in terms) + ")")
    return " ".join(parts)
