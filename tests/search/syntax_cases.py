"""The search box's syntax on the NOTICES of conftest.py: what each query must find,
the same with Solr (test_syntax_solr.py) and with the catalog fallback
(test_syntax_catalog.py). Words chosen so that French stemming (Solr) and prefixes
(catalog) agree; seen by a Manager (the restricted note included)."""

ALL = {
    "illettrisme-agir",
    "illettrisme-guide",
    "adultes-illettres",
    "egalite",
    "ecole",
    "note-interne",
}

CASES = [
    # AND (as before), OR, OU
    ("guide décrochage", set()),
    ("guide OR décrochage", {"illettrisme-guide", "ecole"}),
    ("guide OU décrochage", {"illettrisme-guide", "ecole"}),
    ("Occitanie OR quartiers OR emploi", {"illettrisme-guide", "egalite", "adultes-illettres"}),
    ("adhérents OR Occitanie guide", {"illettrisme-guide"}),
    # phrases: the words in this order, next to each other
    ("hommes femmes", {"egalite"}),
    ('"hommes femmes"', set()),
    ('"femmes hommes"', {"egalite"}),
    ("« femmes hommes »", {"egalite"}),
    ('"situations d\'illettrisme"', {"illettrisme-agir"}),
    # exclusions, alone or with words
    ("Occitanie OR quartiers -femmes", {"illettrisme-guide"}),
    ('Occitanie OR quartiers -"femmes hommes"', {"illettrisme-guide"}),
    ("Occitanie OR quartiers NOT Occitanie", {"egalite"}),
    ("-Occitanie -quartiers", ALL - {"illettrisme-guide", "egalite"}),
    # odd input: read as well as can be, never an error
    ('"femmes hommes', {"egalite"}),
    ("OR décrochage OR", {"ecole"}),
    ("décrochage -", {"ecole"}),
    ("décrochage OR -Occitanie", {"ecole"}),
    ("title:décrochage", set()),
    ("décrochage~2 (école) [x TO y]", set()),
    ("décrochage (école", {"ecole"}),
    ("%", set()),
    ('""', set()),
    ("-", set()),
    ("OR", set()),
    ("\\", set()),
]
