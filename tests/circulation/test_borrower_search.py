"""Finding borrowers with accents and case folded, in French order (pure Python)."""

import subprocess
import sys
from collections import namedtuple

from rt.infodoc.circulation import borrower_search

B = namedtuple("B", "id name email structure")

PEOPLE = [
    B("L1", "Bernard Rachid", "", ""),
    B("L2", "Bernard Élodie", "elodie.b@example.org", ""),
    B("L3", "Martin Hélène", "", "Centre social Émile-Zola"),
    B("L4", "ÉTIENNE Helene", "", ""),
    B("L5", "Œuvre d’Orient", "", ""),
    B("L6", "bernard Aline", "", ""),
]


def names(found):
    return [b.name for b in found]


def test_accents_and_case_are_folded_on_both_sides():
    assert names(borrower_search.matching(PEOPLE, "helene")) == ["ÉTIENNE Helene", "Martin Hélène"]
    assert names(borrower_search.matching(PEOPLE, "HÉLÈNE")) == ["ÉTIENNE Helene", "Martin Hélène"]
    assert names(borrower_search.matching(PEOPLE, "emile zola")) == ["Martin Hélène"]
    assert names(borrower_search.matching(PEOPLE, "oeuvre d'orient")) == ["Œuvre d’Orient"]


def test_every_word_in_any_order():
    assert names(borrower_search.matching(PEOPLE, "elodie bernard")) == ["Bernard Élodie"]
    assert names(borrower_search.matching(PEOPLE, "  Bernard  ")) == [
        "bernard Aline",
        "Bernard Élodie",
        "Bernard Rachid",
    ]
    assert borrower_search.matching(PEOPLE, "   ") == []
    assert names(borrower_search.matching(PEOPLE, "l5")) == ["Œuvre d’Orient"]  # the card


def test_french_order():
    assert names(borrower_search.in_french_order(PEOPLE)) == [
        "bernard Aline",
        "Bernard Élodie",
        "Bernard Rachid",
        "ÉTIENNE Helene",
        "Martin Hélène",
        "Œuvre d’Orient",
    ]


def test_no_zope():
    code = (
        "import sys, rt.infodoc.circulation.borrower_search\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('Zope2', 'Products', 'plone', 'OFS', 'ZODB', 'persistent', 'BTrees')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
