"""Pure helpers of the portal pages: permalinks, basket cookie, bibliography, availability."""

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from rt.infodoc.browser import basket_store
from rt.infodoc.browser.bibliography import format_reference
from rt.infodoc.browser.bibliography import format_reference_html
from rt.infodoc.browser.display import author_label
from rt.infodoc.browser.display import item_availability
from rt.infodoc.browser.search_links import FacetLinks
from rt.infodoc.browser.search_links import chips
from rt.infodoc.browser.search_links import page_window
from rt.infodoc.browser.search_links import toggle_url
from rt.infodoc.search.query import FACETS
from rt.infodoc.search.query import SearchQuery

BASE = "http://site/recherche"
UID_A, UID_B = "a" * 32, "b" * 32


def test_toggle_url_is_or_within_a_facet_and_back_to_page_one():
    query = SearchQuery(text="illettrisme", filters={"themes": ["savoirs-de-base"]}, page=3)
    assert toggle_url(BASE, query, "themes", "jeunesse") == (
        f"{BASE}?q=illettrisme&f.themes=savoirs-de-base&f.themes=jeunesse"
    )
    assert toggle_url(BASE, query, "themes", "savoirs-de-base") == f"{BASE}?q=illettrisme"


_VALUES = st.sampled_from(["savoirs-de-base", "31", "2010-2019", "Dupont, Jean", "é & ü", "a+b"])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    text=st.sampled_from(["", "illettrisme", "l'école & co"]),
    filters=st.dictionaries(st.sampled_from(FACETS), st.lists(_VALUES, unique=True, max_size=3)),
    sort=st.sampled_from(["relevance", "date", "title"]),
    page=st.integers(1, 5),
    facet=st.sampled_from(FACETS),
    value=_VALUES,
)
def test_facet_links_give_the_urls_of_toggle_url(text, filters, sort, page, facet, value):
    query = SearchQuery(text=text, filters=filters, sort=sort, page=page)
    assert FacetLinks(BASE, query).url(facet, value) == toggle_url(BASE, query, facet, value)


def test_chips_remove_one_criterion_each():
    query = SearchQuery(
        text="lire", author="Martin", year_from=2010, filters={"document_type": ["rapport"]}
    )
    rows = chips(BASE, query, lambda facet, value: value.capitalize())
    labels = [row["label"] for row in rows]
    assert labels == [
        "Recherche : « lire »",
        "Auteur : Martin",
        "Années : depuis 2010",
        "Type de document : Rapport",
    ]
    assert rows[0]["url"] == f"{BASE}?author=Martin&year_from=2010&f.document_type=rapport"


def test_page_window():
    assert page_window(1, 1) == []
    assert page_window(6, 20) == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert page_window(2, 4) == [1, 2, 3, 4]


def test_basket_cookie_codec():
    assert basket_store.parse(f"{UID_A}.junk.{UID_B}.{UID_A}") == [UID_A, UID_B]
    assert basket_store.add([UID_A], UID_B.upper()) == [UID_A, UID_B]
    assert basket_store.add([UID_A], "not-a-uid") == [UID_A]
    assert basket_store.remove([UID_A, UID_B], UID_A) == [UID_B]
    full = [f"{n:032x}" for n in range(basket_store.MAX_ITEMS)]
    assert basket_store.add(full, UID_A)[-1] == UID_A
    assert len(basket_store.add(full, UID_A)) == basket_store.MAX_ITEMS


def test_reference_formats():
    notice = {
        "title": "Lire",
        "subtitle": "guide",
        "authors": [{"name": "Dupont, Anne"}],
        "place": "Paris",
        "publisher": "Érès",
        "year": 2012,
        "isbn": ["978-2"],
        "collection": "Savoirs",
        "collection_number": "3",
    }
    assert format_reference(notice) == (
        "Dupont, Anne. Lire : guide. Paris : Érès, 2012. (Savoirs ; 3). ISBN 978-2."
    )
    html = format_reference_html({"title": "A <b>", "year": 2001}, "http://x/a")
    assert html == '<a href="http://x/a"><cite>A &lt;b&gt;</cite></a>. 2001.'


def test_item_availability_words():
    assert item_availability({"status": "Empruntable", "site": "toulouse"}) == "En rayon"
    assert item_availability({"status": "Empruntable", "site": "albi"}) == "Au site relais"
    assert item_availability({"status": "Exclu du prêt"}) == "Consultation sur place"
    assert item_availability({"status": "En prêt"}) == "En prêt"
    assert item_availability({"status": "En réparation"}) == "Indisponible"


@pytest.mark.parametrize(
    "author,label",
    [
        ({"name": "Olivier, Anaïs", "role": "main", "function": "070"}, "Olivier, Anaïs"),
        ({"name": "Lefebvre, Jérôme", "role": "coauthor"}, "Lefebvre, Jérôme"),
        ({"name": "Roy, Jean", "role": "secondary", "function": "730"}, "Roy, Jean (Traducteur)"),
        (
            {"name": "Smith, Ann", "role": "secondary", "function": "edt"},
            "Smith, Ann (Éditeur scientifique)",
        ),
        ({"name": "Morel, Luc", "role": "secondary"}, "Morel, Luc (Collaborateur)"),
        (
            {"name": "CRIA 31", "role": "Éditeur scientifique", "function": "340"},
            "CRIA 31 (Éditeur scientifique)",
        ),
        ({"name": "ANLCI", "role": "Auteur", "kind": "corporate"}, "ANLCI"),
    ],
)
def test_author_label_speaks_french(author, label):
    assert author_label(author) == label
