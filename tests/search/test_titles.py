"""Facet labels come from the vocabularies, kept between searches until they change."""

from rt.infodoc.search.titles import Titles
from rt.infodoc.search.titles import vocabulary_labels

RECORD = "rt.infodoc.vocabularies.themes"


def test_labels_are_the_french_titles_of_the_vocabularies(portal):
    titles = Titles(portal)
    assert titles("themes", "savoirs-de-base") == "Savoirs de base et illettrisme"
    assert titles("support", "papier") == "Papier"
    assert titles("availability", "empruntable")
    assert titles("themes", "inconnu") == "inconnu"
    assert titles("authors", "Dupont, Jean") == "Dupont, Jean"


def test_a_registry_edit_shows_in_the_next_search(portal):
    assert (
        vocabulary_labels("themes", portal)["savoirs-de-base"] == "Savoirs de base et illettrisme"
    )
    lines = [
        line for line in portal.portal_registry[RECORD] if not line.startswith("savoirs-de-base|")
    ]
    portal.portal_registry[RECORD] = lines + [
        "savoirs-de-base|Savoirs de base",
        "illectronisme|Illectronisme",
    ]
    titles = Titles(portal)
    assert titles("themes", "savoirs-de-base") == "Savoirs de base"
    assert titles("themes", "illectronisme") == "Illectronisme"
