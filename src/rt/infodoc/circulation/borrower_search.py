"""Finding borrowers by card, name, e-mail or structure, and their French order.

Pure Python (no Zope, no ZODB): the store hands over its borrowers. Accents
and case are folded on both sides (``rules.statuses._fold``), so "helene"
finds "Hélène" and "HÉLÈNE" finds "Helene"; every word typed must be found,
in any order, so "elodie bernard" finds "Bernard Élodie". The order is the
French one of a list of names: accents, case, hyphens and apostrophes do not
count at first ("Bernard Élodie" comes before "Bernard Rachid").
"""

import re

from rt.infodoc.circulation.rules.statuses import _fold

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "’": "'"})
_SEPARATORS = re.compile(r"[\s\-'.,]+")


def fold(text):
    """``text`` without accents nor capitals (œ is oe), for comparing."""
    return _fold(str(text or "").translate(_LIGATURES))


def words(text):
    """The folded words of a search."""
    return [word for word in _SEPARATORS.split(fold(text)) if word]


def sort_key(name):
    """The key of a name in French order (then as written, so that the order is stable)."""
    folded = fold(name)
    return (" ".join(_SEPARATORS.split(folded)).strip(), folded, str(name or ""))


def haystack(borrower):
    return " ".join(
        fold(value)
        for value in (borrower.id, borrower.name, borrower.email, borrower.structure)
        if value
    )


def matching(borrowers, text):
    """The borrowers in which every word of ``text`` is found, in French order."""
    wanted = words(text)
    if not wanted:
        return []
    found = []
    for borrower in borrowers:
        text = haystack(borrower)
        if all(word in text for word in wanted):
            found.append(borrower)
    return in_french_order(found)


def in_french_order(borrowers):
    return sorted(borrowers, key=lambda b: sort_key(b.name))
