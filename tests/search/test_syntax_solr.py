"""The search box's syntax on a real Solr: phrases, OR / OU, exclusions, odd input
(never an error, never Solr's own syntax)."""

from rt.infodoc.search.engine import search
from rt.infodoc.search.query import SearchQuery

from .syntax_cases import ALL
from .syntax_cases import CASES


def found(site, text):
    results = search(site, SearchQuery(text=text))
    assert results.backend == "solr", (text, results.degraded_notice)
    assert results.error_notice is None, (text, results.error_notice)
    return {item.url.rsplit("/", 1)[-1] for item in results.items} & ALL


def test_the_syntax_on_solr(corpus, site):
    wrong = {text: (found(site, text), expected) for text, expected in CASES}
    wrong = {text: pair for text, pair in wrong.items() if pair[0] != pair[1]}
    assert not wrong, wrong


def test_or_finds_more_than_each_word_and_spellcheck_gets_the_words(corpus, site):
    both = search(site, SearchQuery(text="guide OR décrochage"))
    assert both.total == 2 and both.suggestion is None
    # the spellchecker reads the words, not the syntax: a misspelt word in quotes,
    # next to an exclusion, still gets its "did you mean"
    misspelt = search(site, SearchQuery(text='"illetrisme" -Occitanie'))
    assert misspelt.total == 0
    assert misspelt.suggestion == "illettrisme"


def test_snippets_mark_the_words_of_a_phrase(corpus, site):
    results = search(site, SearchQuery(text='"situations d\'illettrisme"'))
    assert [item.url.rsplit("/", 1)[-1] for item in results.items] == ["illettrisme-agir"]
    assert "<mark>" in results.items[0].snippet


def test_an_isbn_with_hyphens_is_still_one_identifier(corpus, site):
    results = search(site, SearchQuery(text="978-2-07-036822-8"))
    assert {item.url.rsplit("/", 1)[-1] for item in results.items} == {"adultes-illettres"}
