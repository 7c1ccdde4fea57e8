"""Words typed -> a ZCTextIndex query for the catalog fallback (pure Python).

The catalog has no French stemming: each word becomes a prefix ("illettr*" is not
guessed), elisions and short stop words are dropped, the words are AND-ed.
"""

import html
import re

from rt.infodoc.indexers.values import normalize_isbn

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
