"""Result snippets read as text: passages of the abstract, description, table of
contents or title, never SearchableText's keyword list; each author once (pure)."""

from rt.infodoc.search.catalog_text import highlight
from rt.infodoc.search.query import SearchQuery
from rt.infodoc.search.results import ResultItem
from rt.infodoc.search.solr_params import search_params
from rt.infodoc.search.solr_response import hits
from rt.infodoc.search.solr_response import snippet_of

JUMBLE = (
    "Rapport Illettrisme Formation des adultes 978-2-7492 COS-1020 <mark>territoire</mark> 1020"
)


def test_solr_is_never_asked_to_highlight_searchable_text():
    params = dict(search_params(SearchQuery(text="territoire"), ["Anonymous"]))
    assert params["hl.fl"].split() == ["summary", "Description", "contents", "Title"]
    assert "SearchableText" not in params["hl.fl"]


def test_the_abstract_comes_first_then_the_table_of_contents():
    fragments = {
        "Title": ["Le <mark>territoire</mark>"],
        "contents": ["Chapitre 2. Le <mark>territoire</mark> vécu"],
        "summary": ["Une étude du <mark>territoire</mark> toulousain."],
    }
    assert snippet_of(fragments) == "Une étude du <mark>territoire</mark> toulousain."
    del fragments["summary"]
    assert snippet_of(fragments) == "Chapitre 2. Le <mark>territoire</mark> vécu"
    del fragments["contents"]
    assert snippet_of(fragments) == "Le <mark>territoire</mark>"


def test_keyword_list_never_becomes_a_snippet():
    data = {
        "response": {"numFound": 1, "docs": [{"UID": "u1", "Title": "Rapport"}]},
        "highlighting": {"u1": {"SearchableText": [JUMBLE], "summary": []}},
    }
    _total, (doc,) = hits(data)
    assert doc["snippet"] == ""
    # a field that came back without a mark (a default summary) is no passage either
    assert snippet_of({"summary": ["Sans mot cherché."]}) == ""


def test_catalog_passage_starts_near_the_word_found_late():
    text = ("Un long préambule sur la formation des adultes. " * 8) + (
        "La question du territoire vécu par les habitants est au centre du rapport."
    )
    snippet = highlight(text, "territoire")
    assert "<mark>territoire</mark>" in snippet
    assert snippet.startswith("… ") and len(snippet) < 260


def test_catalog_passage_of_a_short_text_is_the_text():
    assert highlight("Le territoire vécu.", "territoire") == "Le <mark>territoire</mark> vécu."


def test_each_author_once():
    item = ResultItem(
        uid="u",
        url="/u",
        title="t",
        authors=["Martin, Sophie", "CRIA 31", "Martin,  Sophie", "martin, sophie"],
    )
    assert item.authors == ["Martin, Sophie", "CRIA 31"]
