"""The catalog fallback's text query and snippets (pure Python)."""

from rt.infodoc.search.catalog_text import highlight
from rt.infodoc.search.catalog_text import is_identifier
from rt.infodoc.search.catalog_text import text_query
from rt.infodoc.search.facet_list import make_facets


def test_words_become_prefixes_without_elisions_or_stop_words():
    assert text_query("l'école de la République") == "école* AND République*"
    assert text_query("") == ""


def test_identifiers_are_normalized():
    assert is_identifier("978-2-07-036822-8")
    assert text_query("978-2-07-036822-8") == "9782070368228"
    assert not is_identifier("illettrisme")


def test_highlight_escapes_and_marks():
    snippet = highlight("Lutter contre <b>l'illettrisme</b> des adultes", "illettrisme")
    assert "<b>" not in snippet and "&lt;b&gt;" in snippet
    assert "<mark>illettrisme</mark>" in snippet


def test_make_facets_keeps_selected_values_and_order():
    facets = make_facets(
        {"themes": [("a", 2)], "year": [("2010-2019", 1)]},
        {"themes": ["a", "b"]},
        lambda name, value: value.upper(),
    )
    assert [f.name for f in facets] == ["themes", "year"]
    themes = facets[0]
    assert [(v.value, v.title, v.count, v.selected) for v in themes.values] == [
        ("a", "A", 2, True),
        ("b", "B", 0, True),
    ]
    assert facets[1].values[0].title == "2010–2019"
