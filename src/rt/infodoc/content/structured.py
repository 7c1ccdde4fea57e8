"""The rows of the structured fields: authors of a Notice, speakers of a Conf'At'.

Pure Python (no Zope): the shapes, their normalisation and the accessors that the
edit forms, the REST API, the upgrade step and the pages share.

Stored shape (unchanged since the fields were JSON): a plain list of plain dicts.

- an author: ``{"name": "Nom, Prénom", "kind": "person" | "corporate",
  "function": UNIMARC relator code ("070"...) or None, "role": "main" |
  "coauthor" | "secondary"}``; rows written by the importer may lack
  ``function``, and a MARC 21 record gives its own codes ("aut") or words;
- a speaker: ``{"name": ..., "title": ..., "affiliation": ...}`` (title and
  affiliation may be None).

Older sites stored JSON text, or French words where codes are now expected
("role": "Auteur"): :func:`rows_of` reads either, :func:`normalize_authors` and
:func:`normalize_speakers` give the stored shape.
"""

import ast
import json
from collections.abc import Sequence

from rt.infodoc.vocabularies.relators import fold
from rt.infodoc.vocabularies.relators import relator_code

AUTHOR_KEYS = ("name", "kind", "function", "role")
SPEAKER_KEYS = ("name", "title", "affiliation")

ROLES = ("main", "coauthor", "secondary")
KINDS = ("person", "corporate")

#: folded words of earlier forms and of harvested records -> role code
ROLE_WORDS = {
    "main": "main",
    "principal": "main",
    "auteur principal": "main",
    "responsabilite principale": "main",
    "coauthor": "coauthor",
    "added": "coauthor",
    "autre": "coauthor",
    "autre auteur": "coauthor",
    "autres auteurs": "coauthor",
    "co-auteur": "coauthor",
    "coauteur": "coauthor",
    "secondary": "secondary",
    "secondaire": "secondary",
    "auteur secondaire": "secondary",
    "auteurs secondaires": "secondary",
    "responsabilite secondaire": "secondary",
}
KIND_WORDS = {
    "person": "person",
    "personne": "person",
    "personne physique": "person",
    "corporate": "corporate",
    "collectivite": "corporate",
    "organisme": "corporate",
}


def rows_of(value):
    """A stored value as a list of dicts: JSON text (or a Python literal, as the
    JSON field accepted) is read; anything that is no list of objects gives []."""
    if isinstance(value, (bytes, bytearray)):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return []
        try:
            value = json.loads(text)
        except ValueError:
            try:
                value = ast.literal_eval(text)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                return []
    if hasattr(value, "keys"):
        value = [value]
    if not isinstance(value, Sequence) or isinstance(value, str):
        return []
    return [dict(item) for item in value if hasattr(item, "keys")]


def _text(value):
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def role_code(word):
    """The role code of a code or a French word ("Auteur principal" -> "main"); None."""
    return ROLE_WORDS.get(fold(word)) if word else None


def kind_code(word):
    return KIND_WORDS.get(fold(word)) if word else None


def normalize_author(row):
    """One author row in the stored shape, its role left None when it names none;
    None when the row has no name."""
    name = _text(row.get("name"))
    if not name:
        return None
    role_word = _text(row.get("role"))
    function = _text(row.get("function"))
    if function:
        function = relator_code(function) or function  # "Traducteur" -> 730; "aut" kept
    role = role_code(role_word)
    if role is None and role_word and not function:
        function = relator_code(role_word)  # "role": "Illustrateur" said the function
    return {
        "name": name,
        "kind": kind_code(row.get("kind")) or "person",
        "function": function,
        "role": role,
    }


def normalize_authors(rows):
    """The author rows in the stored shape.  A row without a role gets the one the
    UNIMARC export gives it (marc.unimarc_builder): another function than author is
    secondary, the first author is main when no row is, the others co-authors."""
    authors = [a for a in (normalize_author(r) for r in rows_of(rows)) if a]
    main_taken = any(a["role"] == "main" for a in authors)
    for author in authors:
        if author["role"]:
            continue
        code = author["function"] or "070"
        if code not in ("070", "aut"):
            author["role"] = "secondary"
        elif not main_taken:
            author["role"], main_taken = "main", True
        else:
            author["role"] = "coauthor"
    return authors


def normalize_speakers(rows):
    """The speaker rows in the stored shape; rows without a name are left out.
    A legacy "role" ("Intervenante") becomes the title when there is none."""
    speakers = []
    for row in rows_of(rows):
        name = _text(row.get("name"))
        if not name:
            continue
        speakers.append(
            {
                "name": name,
                "title": _text(row.get("title")) or _text(row.get("role")),
                "affiliation": _text(row.get("affiliation")),
            }
        )
    return speakers


def _display(rows, keys):
    return [{key: row.get(key) or "" for key in keys} for row in rows]


def authors_of(obj):
    """The authors of a Notice for reading: dicts of AUTHOR_KEYS, "" for none."""
    return _display(normalize_authors(getattr(obj, "authors", None)), AUTHOR_KEYS)


def speakers_of(obj):
    """The speakers of a Conf'At' for reading: dicts of SPEAKER_KEYS, "" for none."""
    return _display(normalize_speakers(getattr(obj, "speakers", None)), SPEAKER_KEYS)


# --- checking rows sent by a client (REST) -----------------------------------------
# A problem is (position from 1, code, detail); the REST layer words it in French.
NOT_A_LIST = "not-a-list"
NOT_AN_OBJECT = "not-an-object"
UNKNOWN_KEY = "unknown-key"
NOT_TEXT = "not-text"
NO_NAME = "no-name"
BAD_KIND = "bad-kind"
BAD_ROLE = "bad-role"
BAD_FUNCTION = "bad-function"


def _check_shape(rows, keys):
    """(dict rows, problems) of a client's value: a list of objects whose keys are
    ``keys`` and whose values are text or null."""
    if not isinstance(rows, list):
        return [], [(0, NOT_A_LIST, type(rows).__name__)]
    problems, good = [], []
    for position, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            problems.append((position, NOT_AN_OBJECT, repr(row)[:80]))
            continue
        bad = [key for key in row if key not in keys]
        problems += [(position, UNKNOWN_KEY, str(key)[:80]) for key in bad]
        not_text = [k for k in keys if row.get(k) is not None and not isinstance(row[k], str)]
        problems += [(position, NOT_TEXT, key) for key in not_text]
        if not bad and not not_text:
            if not _text(row.get("name")):
                problems.append((position, NO_NAME, ""))
            good.append((position, row))
    return good, problems


def check_authors(rows, known_functions=()):
    """(authors in the stored shape, problems) of the authors a client sent.

    kind, role and function take the codes or their French words ("Collectivité",
    "Auteur principal", "Traducteur"); a role may still name the function, as the
    JSON of earlier versions did ("role": "Auteur"); a function must be a UNIMARC
    code, or one of ``known_functions`` (the values the Notice already holds)."""
    good, problems = _check_shape(rows, AUTHOR_KEYS)
    for position, row in good:
        if row.get("kind") and not kind_code(row["kind"]):
            problems.append((position, BAD_KIND, row["kind"]))
        if row.get("role") and not (role_code(row["role"]) or relator_code(row["role"])):
            problems.append((position, BAD_ROLE, row["role"]))
        function = _text(row.get("function"))
        if function and not relator_code(function) and function not in known_functions:
            problems.append((position, BAD_FUNCTION, function))
    if problems:
        return None, sorted(problems)
    return normalize_authors([row for _position, row in good]), []


def check_speakers(rows):
    """(speakers in the stored shape, problems) of the speakers a client sent."""
    good, problems = _check_shape(rows, SPEAKER_KEYS)
    if problems:
        return None, sorted(problems)
    return normalize_speakers([row for _position, row in good]), []
