"""Snippets on a real Solr: passages of the abstract or the table of contents with the
typed words marked, never the keyword list with its numbers (#12)."""

import transaction
from plone import api

from rt.infodoc.search.engine import search
from rt.infodoc.search.query import SearchQuery


def _notice(site):
    notice = api.content.create(
        container=site["fonds"],
        type="Notice",
        id="quartiers-vecus",
        title="Les quartiers vécus",
        year=2014,
        document_type="rapport",
        summary="Une enquête auprès des habitants sur la vie quotidienne dans les quartiers.",
        contents="Introduction. Chapitre 1 : la mobilité résidentielle. Chapitre 2 : l'école.",
        descriptors=["Politique de la ville"],
        keywords=["territoire 1020"],
        cosoter_id="COS-1020",
        isbn=["978-2-35204-101-2"],
    )
    api.content.transition(obj=notice, to_state="published")
    transaction.commit()
    return notice


def _snippet(site, text):
    (item,) = search(site, SearchQuery(text=text)).items
    return item.snippet


def test_abstract_passage_with_the_word_marked(site):
    _notice(site)
    snippet = _snippet(site, "habitants")
    assert "<mark>habitants</mark>" in snippet and "enquête" in snippet


def test_table_of_contents_passage(site):
    _notice(site)
    snippet = _snippet(site, "mobilité résidentielle")
    assert "Chapitre 1" in snippet and "<mark>mobilité</mark>" in snippet


def test_keywords_and_numbers_never_make_a_snippet(site):
    _notice(site)
    for text in ("territoire", "1020", "COS-1020"):
        snippet = _snippet(site, text)
        assert "1020" not in snippet and "978" not in snippet and "Politique" not in snippet
