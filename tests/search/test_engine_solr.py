"""search() on a real Solr: French relevance, facets, permissions, suggestions."""

from dataclasses import replace

import pytest
from plone.app.testing import logout

from rt.infodoc.search.engine import search
from rt.infodoc.search.engine import suggest
from rt.infodoc.search.query import SearchQuery


def ids(results):
    return {item.url.rsplit("/", 1)[-1] for item in results.items}


def test_illettres_finds_illettrisme_records(corpus, site):
    results = search(site, SearchQuery(text="illettrés"))
    assert results.backend == "solr" and results.degraded_notice is None
    assert ids(results) == {
        "illettrisme-agir",
        "illettrisme-guide",
        "adultes-illettres",
        "note-interne",
    }  # Manager sees the restricted note


def test_egalite_without_accents_or_hyphen(corpus, site):
    assert ids(search(site, SearchQuery(text="egalite femmes hommes"))) == {"egalite"}


def test_elision_l_ecole(corpus, site):
    assert ids(search(site, SearchQuery(text="l'école"))) == {"ecole"}
    assert ids(search(site, SearchQuery(text="ecole"))) == {"ecole"}


@pytest.mark.parametrize("isbn", ["978-2-07-036822-8", "9782070368228"])
def test_isbn_with_or_without_hyphens(corpus, site, isbn):
    assert ids(search(site, SearchQuery(text=isbn))) == {"adultes-illettres"}
    assert ids(search(site, SearchQuery(isbn=isbn))) == {"adultes-illettres"}


def test_title_is_ranked_first_and_snippet_marks_the_words(corpus, site):
    results = search(site, SearchQuery(text="illettrisme"))
    assert results.items[0].title.lower().startswith(("lutter contre l'illettrisme", "illettrisme"))
    summary_hit = [i for i in results.items if i.url.endswith("/illettrisme-agir")][0]
    assert "<mark>" in summary_hit.snippet


def test_result_items_carry_the_notice_fields(corpus, site):
    item = search(site, SearchQuery(text="adultes illettrés emploi")).items[0]
    assert item.title == "Les adultes illettrés face à l'emploi"
    assert item.authors == ["Dupont, Jean"] and item.year == 2005
    assert item.document_type == "etude" and item.document_type_title
    assert item.availability == ["empruntable"] and item.relay_sites == ["toulouse"]
    assert item.portal_type == "Notice" and item.production_kind == "notice"
    assert item.review_state == "published"
    assert item.url.endswith("/plone/fonds/adultes-illettres")


def check_facet_counts(site, query):
    """Every count shown equals the total once that value is chosen in its facet."""
    results = search(site, query)
    checked = 0
    for facet in results.facets:
        for value in facet.values:
            narrowed = replace(query, filters={**query.filters, facet.name: [value.value]})
            assert search(site, narrowed).total == value.count, (facet.name, value)
            checked += 1
    return results, checked


def test_facet_counts_match_results_or_inside_and_across(corpus, site):
    logout()
    query = SearchQuery(
        text="illettrisme",
        filters={"themes": ["savoirs-de-base"], "document_type": ["rapport", "etude"]},
    )
    results, checked = check_facet_counts(site, query)
    assert checked > 10
    assert results.total == 2  # agir (rapport) + adultes (etude); the note is restricted
    document_type = results.facet("document_type")
    counts = {v.value: (v.count, v.selected) for v in document_type.values}
    # counts of a selected facet ignore its own selection (OR inside the facet)
    assert counts["rapport"] == (1, True) and counts["etude"] == (1, True)
    assert counts["guide-methodologique"] == (1, False)
    assert sum(c for c, s in counts.values() if s) == results.total


def test_facet_counts_across_several_facets(corpus, site):
    logout()
    # 31 or 34, in the 2010s, public: agir (31, 2012) and egalite (34, 2016)
    results, checked = check_facet_counts(
        site, SearchQuery(filters={"territory": ["31", "34"], "year": ["2010-2019"]})
    )
    assert ids(results) == {"illettrisme-agir", "egalite"} and checked >= 8
    # lendable, at Toulouse or Albi: agir and adultes (the guide at Albi is not lent)
    results, checked = check_facet_counts(
        site,
        SearchQuery(
            text="", filters={"availability": ["empruntable"], "relay_sites": ["toulouse", "albi"]}
        ),
    )
    assert ids(results) == {"illettrisme-agir", "adultes-illettres"} and checked >= 8


def test_year_facet_by_decade_and_range(corpus, site):
    logout()
    results = search(site, SearchQuery())
    years = {v.value: v.count for v in results.facet("year").values}
    assert years == {"2010-2019": 4, "2000-2009": 1}
    assert ids(search(site, SearchQuery(year_from=2015, year_to=2018))) == {
        "illettrisme-guide",
        "egalite",
    }


def test_anonymous_never_gets_members_content(corpus, site):
    logout()
    results = search(site, SearchQuery(text="illettrisme"))
    assert "note-interne" not in ids(results)
    assert results.total == 3
    themes = {v.value: v.count for v in search(site, SearchQuery()).facet("themes").values}
    assert themes["savoirs-de-base"] == 3
    assert all("Note interne" not in t for t in suggest(site, "illet"))


def test_did_you_mean(corpus, site):
    results = search(site, SearchQuery(text="illetrisme"))
    assert results.total == 0
    assert results.suggestion == "illettrisme"


def test_suggest_completes_titles(corpus, site):
    titles = suggest(site, "illet")
    assert "Lutter contre l'illettrisme" in titles
    assert "Illettrisme : guide pour agir en Occitanie" in titles


def test_sort_by_date_and_paging(corpus, site):
    logout()
    notices = {"production_kind": ["notice"]}
    results = search(site, SearchQuery(sort="date", page_size=2, filters=notices))
    assert [i.year for i in results.items] == [2019, 2018]
    assert results.total == 5 and results.pages == 3
    last = search(site, SearchQuery(sort="date", page_size=2, page=3, filters=notices))
    assert [i.year for i in last.items] == [2005]


def test_empty_search_lists_the_fund_and_productions_only(corpus, site):
    results = search(site, SearchQuery())
    assert {item.portal_type for item in results.items} == {"Notice"}
    kinds = results.facet("production_kind")
    assert sum(value.count for value in kinds.values) == results.total
