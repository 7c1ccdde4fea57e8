"""Facets, sorting and identifier look-ups on the portal's fields."""

from collections import Counter

import pytest

pytestmark = pytest.mark.solr


def public(corpus):
    return [doc for doc in corpus.values() if "Anonymous" in doc["allowedRolesAndUsers"]]


def facet_counts(response, field):
    flat = response["facet_counts"]["facet_fields"][field]
    return dict(zip(flat[::2], flat[1::2], strict=False))


def test_facet_counts_on_themes_and_document_type(solr, corpus):
    response = solr.select(
        "*:*",
        rows="0",
        facet="true",
        **{"facet.field": ["themes", "document_type"], "facet.mincount": "1"},
    )
    docs = public(corpus)
    assert facet_counts(response, "themes") == Counter(
        theme for doc in docs for theme in doc["themes"]
    )
    assert facet_counts(response, "document_type") == Counter(doc["document_type"] for doc in docs)


def test_facets_follow_the_query(solr, corpus):
    response = solr.select(
        "illettrisme",
        rows="0",
        facet="true",
        **{"facet.field": "document_type", "facet.mincount": "1"},
    )
    assert facet_counts(response, "document_type") == {
        "guide-methodologique": 1,
        "rapport": 1,
        "etude": 1,
    }


def test_year_range_filter_and_sort(solr, corpus):
    response = solr.select(
        "*:*",
        fl="UID,year",
        sort="year desc,UID asc",
        fq=["allowedRolesAndUsers:Anonymous", "year:[2021 TO *]"],
    )
    years = [doc["year"] for doc in response["response"]["docs"]]
    expected = sorted((d["year"] for d in public(corpus) if d["year"] >= 2021), reverse=True)
    assert years == expected


def test_sort_on_sortable_title(solr, corpus):
    response = solr.select("*:*", fl="UID", sort="sortable_title asc")
    uids = [doc["UID"] for doc in response["response"]["docs"]]
    assert uids == [d["UID"] for d in sorted(public(corpus), key=lambda d: d["sortable_title"])]


@pytest.mark.parametrize(
    "query",
    [
        "isbn_norm:9782746612345",
        'isbn_norm:"978-2-7466-1234-5"',
        'isbn:"978-2-7466-1234-5"',
        "isbn_norm:978\\-2\\-7466\\-1234\\-5",
    ],
)
def test_isbn_with_or_without_hyphens(solr, corpus, query):
    assert solr.uids(query) == {"guide-illettrisme"}


def test_isbn10_with_check_digit_x(solr, corpus):
    assert solr.uids("isbn_norm:274660999x") == {"ecole-sans-accent"}
    assert solr.uids('isbn_norm:"2-7466-0999-X"') == {"ecole-sans-accent"}


def test_issn_without_hyphen(solr, corpus):
    assert solr.uids("isbn_norm:12345679") == {"insertion"}


def test_dynamic_fields_accept_new_data(solr, corpus):
    solr.add(
        [
            {
                **corpus["cosoter"],
                "call_number_s": "PV 123 COS",
                "loan_count_i": 4,
                "note_t": "Illettrés en réseau",
            }
        ]
    )
    assert solr.uids('call_number_s:"PV 123 COS"') == {"cosoter"}
    assert solr.uids("loan_count_i:[3 TO 5]") == {"cosoter"}
    assert solr.uids("note_t:illettrisme") == {"cosoter"}
