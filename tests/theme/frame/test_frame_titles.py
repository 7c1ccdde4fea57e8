"""Which title a page gives itself (theme/frame/titles.py), without Zope."""

from types import SimpleNamespace

from zope.i18n import translate

from rt.infodoc.search.query import SearchQuery
from rt.infodoc.theme.frame import titles


def _title(query):
    return translate(titles.search_title(query))


def test_the_search_is_titled_by_its_words_and_page():
    assert _title(SearchQuery()) == "Recherche documentaire"
    assert _title(SearchQuery(text="illettrisme")) == "Recherche : « illettrisme »"
    assert _title(SearchQuery(text="l'emploi", page=3)) == "Recherche : « l'emploi », page 3"
    assert _title(SearchQuery(author="Martin")) == "Résultats de la recherche"
    assert _title(SearchQuery(author="Martin", page=2)) == "Résultats de la recherche, page 2"


def test_a_view_names_itself_or_is_named_by_its_view_name():
    class Own:
        __name__ = "recherche"
        crumb_title = "Recherche"

        def page_title(self):
            return "Recherche : « x »"

    assert titles.page_title(Own()) == "Recherche : « x »"
    assert titles.crumb_title(Own()) == "Recherche"
    assert titles.section(Own()) == "fonds"
    legal = SimpleNamespace(__name__="mentions-legales")
    assert translate(titles.page_title(legal)) == "Mentions légales"
    assert translate(titles.crumb_title(legal)) == "Mentions légales"
    assert titles.section(legal) is None
    assert titles.canonical_url(legal, "http://site") == "http://site/mentions-legales"
    assert titles.canonical_url(SimpleNamespace(canonical_url=None), "http://site") is None
    # a content's own view: Plone's title (the context's)
    assert titles.page_title(SimpleNamespace(__name__="view")) is None
    assert titles.crumb_title(None) is None


def test_descriptions_are_cropped_at_a_word():
    assert titles.crop("  Un   résumé\ncourt ") == "Un résumé court"
    long = "mot " * 100
    cropped = titles.crop(long, 30)
    assert cropped.endswith("mot…") and len(cropped) <= 31
