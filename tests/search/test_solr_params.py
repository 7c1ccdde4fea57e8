"""Solr parameters and answers, without Solr (pure Python)."""

from rt.infodoc.search.query import SearchQuery
from rt.infodoc.search.solr_params import clean_text
from rt.infodoc.search.solr_params import filter_query
from rt.infodoc.search.solr_params import search_params
from rt.infodoc.search.solr_params import security_filter
from rt.infodoc.search.solr_params import year_range
from rt.infodoc.search.solr_response import facet_counts
from rt.infodoc.search.solr_response import suggestion


def values(params, name):
    return [v for k, v in params if k == name]


def test_every_search_is_filtered_by_the_users_roles_and_dates():
    params = search_params(SearchQuery(text="x"), ["Anonymous"])
    assert 'allowedRolesAndUsers:("Anonymous")' in values(params, "fq")
    assert any(fq.startswith("-effective:") for fq in values(params, "fq"))
    params = search_params(SearchQuery(), ["Member", "user:jean"], show_inactive=True)
    assert 'allowedRolesAndUsers:("Member" OR "user$jean")' in values(params, "fq")
    assert not any(fq.startswith("-effective:") for fq in values(params, "fq"))
    assert security_filter([]) == 'allowedRolesAndUsers:("Anonymous")'


def test_facet_filters_are_tagged_and_excluded_from_their_own_counts():
    query = SearchQuery(filters={"themes": ["a", 'b"c'], "year": ["2010-2019", "bad"]})
    params = search_params(query, ["Anonymous"])
    assert '{!tag=themes}(themes:"a" OR themes:"b\\"c")' in values(params, "fq")
    assert "{!tag=year}(year:[2010 TO 2019])" in values(params, "fq")
    assert "{!ex=themes key=themes}themes" in values(params, "facet.field")
    assert "{!ex=year key=year}year" in values(params, "facet.range")
    assert filter_query("year", ["nonsense"]) is None


def test_text_is_cleaned_and_boosted():
    params = search_params(SearchQuery(text="l'école (primaire)"), ["Anonymous"])
    assert values(params, "q") == ["école primaire"]
    assert values(params, "defType") == ["edismax"]
    assert "title_fr^5" in values(params, "qf")[0]
    assert clean_text("978-2-07-036822-8") == "978-2-07-036822-8"
    assert values(search_params(SearchQuery(), ["Anonymous"]), "q") == ["*:*"]


def test_advanced_fields_and_year_bounds():
    query = SearchQuery(
        title="guide", author="Dupont", isbn="978-2-07-036822-8", year_from=2000, year_to=2010
    )
    params = search_params(query, ["Anonymous"])
    fqs = values(params, "fq")
    assert 'isbn_norm:"9782070368228"' in fqs
    assert "year:[2000 TO 2010]" in fqs
    assert values(params, "adv_title") == ["guide"]
    assert values(params, "adv_author") == ["Dupont"]


def test_year_range():
    assert year_range("2010-2019") == (2010, 2019)
    assert year_range("2015") == (2015, 2015)
    assert year_range("2019-2010") == (2010, 2019)
    assert year_range("x") is None


def test_reading_facets_and_the_spellcheck():
    data = {
        "facet_counts": {
            "facet_fields": {"themes": [["a", 3], ["b", 1]], "authors": []},
            "facet_queries": {"selected|authors|0": 2},
            "facet_ranges": {"year": {"counts": [["2000", 1], ["2010", 4], ["2020", 0]]}},
        },
        "spellcheck": {"collations": ["collation", {"collationQuery": "illettrisme"}]},
    }
    counts = facet_counts(data, {"authors": ["Dupont, Jean"]})
    assert counts["themes"] == [("a", 3), ("b", 1)]
    assert counts["authors"] == [("Dupont, Jean", 2)]
    assert counts["year"] == [("2010-2019", 4), ("2000-2009", 1)]
    assert suggestion(data) == "illettrisme"
    assert suggestion({}) is None
