"""BibTeX export of a notice dict: stable ASCII keys, LaTeX escaping, UTF-8 accents kept."""

import re

from rt.infodoc.marc.exports.common import authors
from rt.infodoc.marc.exports.common import fold

#: document_type token -> BibTeX entry type.
BIBTEX_TYPES = {
    "ouvrage": "book",
    "guide-methodologique": "book",
    "rapport": "techreport",
    "etude": "techreport",
    "article": "article",
    "actes": "proceedings",
    "memoire": "mastersthesis",
}
BIBTEX_LANGUAGES = {
    "fre": "french",
    "eng": "english",
    "spa": "spanish",
    "ger": "german",
    "ita": "italian",
    "por": "portuguese",
    "ara": "arabic",
}

_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_RE = re.compile("[\\\\{}&%$#_~^]")
_STOP_WORDS = {
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
    "en",
    "au",
    "aux",
    "a",
    "the",
    "an",
    "of",
    "pour",
    "sur",
    "dans",
    "par",
}


def latex_escape(text):
    """Escape LaTeX's special characters; accents and other UTF-8 stay as they are."""
    return _LATEX_RE.sub(lambda m: _LATEX[m.group(0)], " ".join(str(text).split()))


def protect_capitals(text):
    """Escape a text and put each word holding a capital letter inside braces."""
    words = []
    for word in " ".join(str(text).split()).split(" "):
        escaped = latex_escape(word)
        words.append("{" + escaped + "}" if any(c.isupper() for c in word) else escaped)
    return " ".join(words)


def _words(text):
    return [w for w in re.split(r"[^a-z0-9]+", fold(text)) if w]


def citation_key(notice):
    """A stable ASCII key: first author's surname (or first title word), year, title word."""
    creators, editors, others = authors(notice)
    people = creators + editors + others
    title_words = [w for w in _words(notice.get("title", "")) if w not in _STOP_WORDS] or [
        "sanstitre"
    ]
    if people:
        name = people[0]["name"].split(",")[0]
        head = "".join(_words(name))[:20] or title_words[0]
    else:
        head = title_words.pop(0) if len(title_words) > 1 else "anonyme"
    year = str(notice.get("year") or "sd")
    return f"{head}{year}{title_words[0][:20]}"


def _names(people):
    names = []
    for person in people:
        if person.get("kind") == "corporate":
            names.append("{" + latex_escape(person["name"]) + "}")
        else:
            names.append(latex_escape(person["name"]))
    return " and ".join(names)


def bibtex_fields(notice, url=None):
    """Return the (field, value) pairs of the entry, values already escaped."""
    entry_type = BIBTEX_TYPES.get(notice.get("document_type", ""), "misc")
    creators, editors, others = authors(notice)
    fields = []
    if creators or others:
        fields.append(("author", _names(creators + others)))
    if editors:
        fields.append(("editor", _names(editors)))
    title = notice.get("title", "")
    if notice.get("subtitle"):
        title = f"{title} : {notice['subtitle']}"
    fields.append(("title", protect_capitals(title)))
    if entry_type == "article" and notice.get("series_title"):
        fields.append(("journal", protect_capitals(notice["series_title"])))
    elif notice.get("collection"):
        fields.append(("series", protect_capitals(notice["collection"])))
        if notice.get("collection_number"):
            fields.append(("number", latex_escape(notice["collection_number"])))
    if notice.get("year"):
        fields.append(("year", str(notice["year"])))
    if notice.get("publisher"):
        key = {"techreport": "institution", "mastersthesis": "school"}.get(entry_type, "publisher")
        fields.append((key, protect_capitals(notice["publisher"])))
    if notice.get("place"):
        fields.append(("address", protect_capitals(notice["place"])))
    if notice.get("edition"):
        fields.append(("edition", latex_escape(notice["edition"])))
    if notice.get("isbn"):
        fields.append(("isbn", latex_escape(", ".join(notice["isbn"]))))
    if notice.get("issn"):
        fields.append(("issn", latex_escape(notice["issn"])))
    if notice.get("language"):
        fields.append(("language", BIBTEX_LANGUAGES.get(notice["language"], notice["language"])))
    terms = (notice.get("descriptors") or []) + (notice.get("keywords") or [])
    if terms:
        fields.append(("keywords", latex_escape(", ".join(terms))))
    if notice.get("summary"):
        fields.append(("abstract", latex_escape(notice["summary"])))
    if notice.get("notes"):
        fields.append(("note", latex_escape(notice["notes"])))
    link = url or (notice.get("urls") or [None])[0]
    if link:
        # the url field is read verbatim (url/hyperref packages): only braces would break it
        fields.append(("url", link.replace("{", "%7B").replace("}", "%7D")))
    return entry_type, fields


def to_bibtex(notice, url=None, key=None):
    """Return the notice as one BibTeX entry (text)."""
    entry_type, fields = bibtex_fields(notice, url)
    key = key or citation_key(notice)
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}\n}}\n"
