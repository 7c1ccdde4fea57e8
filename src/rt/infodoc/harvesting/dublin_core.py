"""Simple Dublin Core (oai_dc) -> Notice dict (docs/notice-fields.md). Pure Python.

oai_dc says much less than UNIMARC; the mapping keeps what it can say without
guessing too much:

- ``title``: the first dc:title, whole (French titles often hold " : ");
  further titles are kept in ``notes``;
- ``creator`` -> authors (the first "main", then "coauthor"), ``contributor`` ->
  authors "secondary" (unless already a creator); a name with a comma ("Dupré, Hélène") is a person,
  a name without one ("Ressources & Territoires") a corporate body;
- ``subject`` -> keywords; ``description`` -> summary (paragraphs joined by "\\n");
- ``publisher`` -> publisher (first); ``date`` -> year (a plain date first, then a
  timestamp: repositories add the date the record was entered as a timestamp);
- ``type`` -> document_type when it names one (token or a usual English/French word);
- ``format`` -> collation unless it is a MIME type;
- ``identifier``: "ISBN x", "urn:isbn:x" or a bare 10/13-digit ISBN -> isbn,
  "ISSN x" or a bare "1234-567X" -> issn, http(s) URLs -> urls;
- ``language`` -> ISO 639-2/B code ("fre", also from "fr", "fr_FR", "fra", "français");
- ``source`` -> series_title; ``coverage`` -> territory when it names one.
"""

import re
import unicodedata

from rt.infodoc.marc.unimarc_builder import DOCUMENT_TYPE_LEADER
from rt.infodoc.marc.vocabulary import TERRITORY_NAMES

DC_NS = "http://purl.org/dc/elements/1.1/"
DC_ELEMENTS = (
    "title",
    "creator",
    "subject",
    "description",
    "publisher",
    "contributor",
    "date",
    "type",
    "format",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
)

_TYPES = {
    "book": "ouvrage",
    "livre": "ouvrage",
    "ouvrage": "ouvrage",
    "monographie": "ouvrage",
    "report": "rapport",
    "rapport": "rapport",
    "article": "article",
    "periodical": "periodique",
    "periodique": "periodique",
    "revue": "periodique",
    "video": "video",
    "movingimage": "video",
    "moving image": "video",
    "website": "site-web",
    "site web": "site-web",
    "site-web": "site-web",
    "thesis": "memoire",
    "memoire": "memoire",
    "these": "memoire",
    "actes": "actes",
    "conference proceedings": "actes",
    "etude": "etude",
}
_LANGUAGES = {
    "fr": "fre",
    "fra": "fre",
    "fre": "fre",
    "francais": "fre",
    "french": "fre",
    "en": "eng",
    "eng": "eng",
    "anglais": "eng",
    "english": "eng",
    "es": "spa",
    "spa": "spa",
    "espagnol": "spa",
    "de": "ger",
    "deu": "ger",
    "ger": "ger",
    "allemand": "ger",
    "it": "ita",
    "ita": "ita",
    "italien": "ita",
    "ar": "ara",
    "ara": "ara",
    "arabe": "ara",
    "oc": "oci",
    "oci": "oci",
    "occitan": "oci",
}
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_ISBN_PREFIX = re.compile(r"^(?:isbn[:\s]*|urn:isbn:)", re.I)
_ISSN_PREFIX = re.compile(r"^(?:issn[:\s]*|urn:issn:)", re.I)
_BARE_ISBN = re.compile(r"^[0-9][0-9 -]{8,15}[0-9Xx]$")
_BARE_ISSN = re.compile(r"^[0-9]{4}-[0-9]{3}[0-9Xx]$")


def _fold(text):
    text = unicodedata.normalize("NFD", text.strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def _clean(text):
    return " ".join((text or "").split())


def read_dc(element):
    """Dublin Core values of an ``<oai_dc:dc>`` lxml element: {name: [str, ...]}.

    Elements in the dc namespace only, empty values left out, document order kept.
    """
    values = {}
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag.startswith(f"{{{DC_NS}}}"):
            continue
        name = tag.split("}", 1)[1]
        text = _clean(child.text)
        if name in DC_ELEMENTS and text:
            values.setdefault(name, []).append(text)
    return values


def _author(name, role):
    kind = "person" if "," in name else "corporate"
    return {"name": name, "role": role, "kind": kind}


def _is_isbn(value):
    digits = re.sub(r"[^0-9Xx]", "", value)
    return bool(_BARE_ISBN.match(value)) and len(digits) in (10, 13)


def _identifiers(values, notice):
    isbns, urls = [], []
    for value in values:
        if value.lower().startswith(("http://", "https://")):
            urls.append(value)
        elif _ISSN_PREFIX.match(value) or _BARE_ISSN.match(value):
            notice.setdefault("issn", _ISSN_PREFIX.sub("", value).strip())
        elif _ISBN_PREFIX.match(value):
            isbns.append(_ISBN_PREFIX.sub("", value).strip())
        elif _is_isbn(value):
            isbns.append(value)
    if isbns:
        notice["isbn"] = isbns
    if urls:
        notice["urls"] = urls


def _year(dates):
    """Publication year: a plain date ("2000", "2001-01-04") before a timestamp,
    which is more often the date the record was entered."""
    plain = [d for d in dates if "T" not in d]
    for date in plain + [d for d in dates if "T" in d]:
        match = _YEAR.search(date)
        if match:
            return int(match.group(1))
    return None


def _territories(values):
    by_name = {_fold(name): code for code, name in TERRITORY_NAMES.items()}
    found = []
    for value in values:
        code = value if value in TERRITORY_NAMES else by_name.get(_fold(value))
        if code and code not in found:
            found.append(code)
    return found


def dc_to_notice(values, cosoter_id=None):
    """Map Dublin Core values ({name: [str]}) to (notice dict, French warnings).

    The dict follows docs/notice-fields.md (absent values left out).  A record
    without a title still maps; the importer then rejects it with its reason.
    """
    notice, warnings = {}, []
    titles = values.get("title", [])
    if titles:
        notice["title"] = titles[0]
    notes = [f"Autre titre : {t}" for t in titles[1:]]
    authors = [
        _author(name, "main" if i == 0 else "coauthor")
        for i, name in enumerate(values.get("creator", []))
    ]
    creators = set(values.get("creator", []))
    authors += [
        _author(name, "secondary")
        for name in dict.fromkeys(values.get("contributor", []))
        if name not in creators
    ]  # DSpace repeats every creator as contributor
    if authors:
        notice["authors"] = authors
    if values.get("subject"):
        notice["keywords"] = list(dict.fromkeys(values["subject"]))
    if values.get("description"):
        notice["summary"] = "\n".join(dict.fromkeys(values["description"]))
    if values.get("publisher"):
        notice["publisher"] = values["publisher"][0]
    year = _year(values.get("date", []))
    if year:
        notice["year"] = year
    for value in values.get("type", []):
        token = value if value in DOCUMENT_TYPE_LEADER else _TYPES.get(_fold(value))
        if token:
            notice["document_type"] = token
            break
    for value in values.get("format", []):
        if "/" not in value:
            notice["collation"] = value
            break
    _identifiers(values.get("identifier", []), notice)
    for value in values.get("language", []):
        code = _LANGUAGES.get(_fold(value)) or _LANGUAGES.get(_fold(re.split(r"[_-]", value)[0]))
        if code:
            notice["language"] = code
            break
        warnings.append(f"langue Dublin Core non reconnue : « {value} »")
    if values.get("source"):
        notice["series_title"] = values["source"][0]
    territory = _territories(values.get("coverage", []))
    if territory:
        notice["territory"] = territory
    notes += [f"Relation : {v}" for v in values.get("relation", [])]
    notes += [f"Droits : {v}" for v in values.get("rights", [])]
    if notes:
        notice["notes"] = "\n".join(notes)
    if cosoter_id:
        notice["cosoter_id"] = cosoter_id
    return notice, warnings
