"""Build a UNIMARC record from a notice dict (the field contract of docs/notice-fields.md).

This is the inverse of the UNIMARC mapping: every key of the contract goes back to the
zone it is read from.  Pure Python (pymarc only), no Zope.
"""

import datetime
import unicodedata

from pymarc import Field
from pymarc import Indicators
from pymarc import Leader
from pymarc import Record
from pymarc import Subfield

from .vocabulary import TERRITORY_NAMES  # noqa: F401 (re-exported)
from .vocabulary import THEME_LABELS  # noqa: F401 (re-exported)

NSB = "\x88"  # non-sorting begin (ISO 6630)
NSE = "\x89"  # non-sorting end

#: UNIMARC relator codes ($4) and their French labels (PMB's function list).
RELATORS = {
    "070": "Auteur",
    "080": "Préfacier",
    "100": "Antécédent bibliographique",
    "205": "Collaborateur",
    "220": "Compilateur",
    "340": "Éditeur scientifique",
    "440": "Illustrateur",
    "557": "Organisateur de congrès",
    "600": "Photographe",
    "651": "Directeur de publication",
    "673": "Directeur de la recherche",
    "727": "Directeur de thèse",
    "730": "Traducteur",
}
_RELATOR_BY_LABEL = {
    "".join(
        c for c in unicodedata.normalize("NFD", label.lower()) if not unicodedata.combining(c)
    ): code
    for code, label in RELATORS.items()
}
_RELATOR_BY_LABEL.update(
    {
        "editeur": "340",
        "coordinateur": "340",
        "coordination": "340",
        "directeur": "651",
        "direction": "651",
    }
)

#: Primary / alternative / secondary responsibility, as written in "role".
_LEVEL_BY_ROLE = {
    "principal": 0,
    "auteur principal": 0,
    "main": 0,
    "autre": 1,
    "co-auteur": 1,
    "coauteur": 1,
    "coauthor": 1,
    "added": 1,
    "secondaire": 2,
    "secondary": 2,
}

#: document_type token -> (leader/06 type of record, leader/07 bibliographic level).
DOCUMENT_TYPE_LEADER = {
    "ouvrage": ("a", "m"),
    "rapport": ("a", "m"),
    "etude": ("a", "m"),
    "guide-methodologique": ("a", "m"),
    "actes": ("a", "m"),
    "memoire": ("b", "m"),
    "texte-officiel": ("a", "m"),
    "dossier-documentaire": ("a", "c"),
    "periodique": ("a", "s"),
    "article": ("a", "a"),
    "outil-pedagogique": ("m", "m"),
    "mallette": ("r", "m"),
    "video": ("g", "m"),
    "site-web": ("l", "i"),
}
_HIERARCHY = {"m": "0", "i": "0", "c": "1", "s": "1", "a": "2"}


#: Leading articles treated as non-filing (wrapped in NSB/NSE in 200$a).
_ARTICLES = ("l'", "l’", "le ", "la ", "les ", "un ", "une ", "des ", "the ", "a ", "an ")

UNIMARC_CHARSET_UTF8 = "50  "


class NoticeError(ValueError):
    """The notice dict cannot be written as UNIMARC (message in French)."""


def _text(notice, key):
    value = notice.get(key)
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        raise NoticeError(f"Le champ « {key} » doit être un texte, reçu {type(value).__name__}.")
    return value.strip()


def _list(notice, key):
    value = notice.get(key) or []
    if isinstance(value, (str, bytes, dict)):
        raise NoticeError(f"Le champ « {key} » doit être une liste.")
    return list(value)


def _year(notice):
    year = notice.get("year")
    if year is None or year == "":
        return None
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise NoticeError(f"L'année « {year} » n'est pas un nombre.") from None
    if not 0 < year < 10000:
        raise NoticeError(f"L'année « {year} » est hors limites.")
    return year


def _field(tag, ind1, ind2, pairs):
    subfields = [Subfield(code, value) for code, value in pairs if value]
    if not subfields:
        return None
    return Field(tag=tag, indicators=Indicators(ind1, ind2), subfields=subfields)


def coded_data_100(year=None, date_entered=None, charset=UNIMARC_CHARSET_UTF8, language="fre"):
    """Return the 36 characters of UNIMARC 100$a (general processing data)."""
    entered = (date_entered or datetime.date.today()).strftime("%Y%m%d")
    date1 = f"{year:04d}" if year else "    "
    date_type = "d" if year else "u"
    value = (
        entered
        + date_type
        + date1
        + "    "
        + "   "
        + "y"
        + "0"
        + (language or "fre")[:3].ljust(3)
        + "y"
        + charset
        + "    "
        + "ba"
    )
    assert len(value) == 36, value
    return value


def non_filing_title(title):
    """Wrap a leading article of a title in NSB/NSE markers (UNIMARC non-filing part)."""
    if not title or NSB in title:
        return title
    lowered = title.lower()
    for article in _ARTICLES:
        if lowered.startswith(article) and len(title) > len(article):
            return NSB + title[: len(article)] + NSE + title[len(article) :]
    return title


def _split_name(name):
    if "," in name:
        surname, forename = name.split(",", 1)
        return surname.strip(), forename.strip()
    return name.strip(), ""


def relator_code(author):
    """The UNIMARC relator code of an author entry ("function", else guessed from "role")."""
    code = str(author.get("function") or "").strip()
    if code:
        return code
    role = "".join(
        c
        for c in unicodedata.normalize("NFD", str(author.get("role") or "").lower())
        if not unicodedata.combining(c)
    ).strip()
    return _RELATOR_BY_LABEL.get(role, "070")


def _author_fields(authors):
    fields = []
    primary_taken = {"person": False, "corporate": False}
    for position, author in enumerate(authors):
        if not isinstance(author, dict) or not str(author.get("name") or "").strip():
            raise NoticeError(f"L'auteur n° {position + 1} n'a pas de nom.")
        kind = author.get("kind") or "person"
        if kind not in ("person", "corporate"):
            raise NoticeError(f"Type d'auteur inconnu : « {kind} » (person ou corporate).")
        code = relator_code(author)
        level = _LEVEL_BY_ROLE.get(str(author.get("role") or "").strip().lower())
        if level is None:
            if code != "070":
                level = 2
            elif not primary_taken["person"] and not primary_taken["corporate"]:
                level = 0
            else:
                level = 1
        if level == 0:
            if primary_taken["person"] or primary_taken["corporate"]:
                level = 1
            primary_taken[kind] = True
        if kind == "person":
            surname, forename = _split_name(author["name"])
            fields.append(
                _field(
                    "70" + str(level),
                    " ",
                    "1" if forename else "0",
                    [("a", surname), ("b", forename), ("4", code)],
                )
            )
        else:
            fields.append(
                _field("71" + str(level), "0", "2", [("a", author["name"].strip()), ("4", code)])
            )
    fields.sort(key=lambda field: field.tag)  # stable: 700, 701, 702, 710, 711, 712
    return fields


def _collation_field(collation):
    rest, _, accompanying = collation.partition(" + ")
    rest, _, dimensions = rest.partition(" ; ")
    extent, _, other = rest.partition(" : ")
    return _field(
        "215",
        " ",
        " ",
        [
            ("a", extent.strip()),
            ("c", other.strip()),
            ("d", dimensions.strip()),
            ("e", accompanying.strip()),
        ],
    )


def _leader(document_type):
    record_type, level = DOCUMENT_TYPE_LEADER.get(document_type, ("a", "m"))
    return Leader("00000n" + record_type + level + _HIERARCHY[level] + " 22000001i 450 ")


def _subject_fields(notice):
    fields = []
    territories = [TERRITORY_NAMES.get(t, t) for t in _list(notice, "territory")]
    territory_keys = {name.lower() for name in territories}
    seen = set()
    for descriptor in _list(notice, "descriptors"):
        if not isinstance(descriptor, str) or not descriptor.strip():
            continue
        if descriptor.strip().lower() in territory_keys:
            continue
        parts = [p.strip() for p in descriptor.split("--") if p.strip()]
        seen.add(descriptor.strip().lower())
        fields.append(_field("606", " ", " ", [("a", parts[0])] + [("x", p) for p in parts[1:]]))
    for theme in _list(notice, "themes"):
        label = THEME_LABELS.get(theme)
        if label is None:
            raise NoticeError(f"Thème inconnu : « {theme} ».")
        if label.lower() not in seen:
            seen.add(label.lower())
            fields.append(_field("606", " ", " ", [("a", label)]))
    for name in territories:
        fields.append(_field("607", " ", " ", [("a", name)]))
    for keyword in _list(notice, "keywords"):
        fields.append(_field("610", "0", " ", [("a", str(keyword).strip())]))
    return fields


def _item_fields(notice):
    fields = []
    for item in _list(notice, "items"):
        if not isinstance(item, dict):
            raise NoticeError("Chaque exemplaire doit être un dictionnaire.")
        doc_type = item.get("doc_type") or notice.get("document_type") or ""
        fields.append(
            _field(
                "995",
                " ",
                " ",
                [
                    ("b", item.get("site", "")),
                    ("f", item.get("barcode", "")),
                    ("k", item.get("call_number", "")),
                    ("q", item.get("section", "")),
                    ("r", doc_type),
                    ("o", item.get("status", "")),
                ],
            )
        )
    return fields


def notice_to_unimarc(notice, *, date_entered=None, record_id=None):
    """Return a pymarc.Record in UNIMARC built from a notice dict.

    ``date_entered`` (a date, default today) fills 100$a/0-7 and 005;
    ``record_id`` is written in 001 when the notice has no ``cosoter_id``.
    Raises :class:`NoticeError` (a ValueError with a French message) on bad input.
    """
    if not isinstance(notice, dict):
        raise NoticeError("La notice doit être un dictionnaire.")
    title = _text(notice, "title")
    if not title:
        raise NoticeError("La notice n'a pas de titre (zone 200$a obligatoire).")
    date_entered = date_entered or datetime.date.today()
    year = _year(notice)
    document_type = notice.get("document_type") or ""
    if document_type and document_type not in DOCUMENT_TYPE_LEADER:
        raise NoticeError(f"Type de document inconnu : « {document_type} ».")
    language = _text(notice, "language") or "fre"

    record = Record(force_utf8=True)
    record.leader = _leader(document_type)  # after __init__, which forces "4500" and leader/09 "a"
    fields = []
    identifier = _text(notice, "cosoter_id") or (str(record_id) if record_id else "")
    if identifier:
        fields.append(Field(tag="001", data=identifier))
    fields.append(Field(tag="005", data=date_entered.strftime("%Y%m%d") + "000000.0"))
    isbns = [str(i).strip() for i in _list(notice, "isbn") if str(i).strip()]
    price = _text(notice, "price")
    for position, isbn in enumerate(isbns or ([""] if price else [])):
        fields.append(_field("010", " ", " ", [("a", isbn), ("d", price if position == 0 else "")]))
    fields.append(_field("011", " ", " ", [("a", _text(notice, "issn"))]))
    fields.append(_field("100", " ", " ", [("a", coded_data_100(year, date_entered))]))
    fields.append(_field("101", "0", " ", [("a", language)]))
    fields.append(
        _field(
            "200",
            "1",
            " ",
            [
                ("a", non_filing_title(title)),
                ("e", _text(notice, "subtitle")),
                ("f", _text(notice, "responsibility")),
            ],
        )
    )
    fields.append(_field("205", " ", " ", [("a", _text(notice, "edition"))]))
    fields.append(
        _field(
            "210",
            " ",
            " ",
            [
                ("a", _text(notice, "place")),
                ("c", _text(notice, "publisher")),
                ("d", str(year) if year else ""),
            ],
        )
    )
    if _text(notice, "collation"):
        fields.append(_collation_field(_text(notice, "collation")))
    fields.append(
        _field(
            "225",
            "2",
            " ",
            [("a", _text(notice, "collection")), ("v", _text(notice, "collection_number"))],
        )
    )
    for paragraph in _text(notice, "notes").split("\n"):
        fields.append(_field("300", " ", " ", [("a", paragraph.strip())]))
    contents = [part.strip() for part in _text(notice, "contents").split(" ; ") if part.strip()]
    if contents:
        fields.append(_field("327", "1", " ", [("a", part) for part in contents]))
    fields.append(_field("330", " ", " ", [("a", _text(notice, "summary"))]))
    fields.append(_field("345", " ", " ", [("b", _text(notice, "ean"))]))
    fields.append(_field("461", " ", "0", [("t", _text(notice, "series_title"))]))
    fields.extend(_subject_fields(notice))
    fields.append(_field("676", " ", " ", [("a", _text(notice, "dewey"))]))
    fields.extend(_author_fields(_list(notice, "authors")))
    for url in _list(notice, "urls"):
        fields.append(_field("856", "4", " ", [("u", str(url).strip())]))
    fields.extend(_item_fields(notice))
    for field in fields:
        if field is not None:
            record.add_field(field)
    return record
