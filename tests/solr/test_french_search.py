"""French full-text search on indexed notices (df=text_fr, AND, like collective.solr)."""

import pytest

pytestmark = pytest.mark.solr


def test_illettres_finds_illettrisme(solr, corpus):
    assert solr.uids("illettrés") == {
        "guide-illettrisme",
        "adultes-illettres",
        "prevenir-illettrisme",
    }


def test_private_notices_stay_hidden_from_anonymous(solr, corpus):
    assert "note-interne" not in solr.uids("illettrisme")
    assert "note-interne" in solr.uids("illettrisme", fq="allowedRolesAndUsers:Manager")


def test_egalite_without_accents_finds_egalite_femmes_hommes(solr, corpus):
    assert solr.uids("egalite femmes hommes") == {"egalite"}
    assert solr.uids('"femmes-hommes"') == {"egalite"}
    assert solr.uids("Title:(femmes-hommes)") == {"egalite"}


def test_l_ecole_finds_ecole_with_and_without_accent(solr, corpus):
    expected = {"ecole-accent", "ecole-sans-accent", "prevenir-illettrisme"}
    assert solr.uids("l'école") == expected
    assert solr.uids("ecole") == expected
    assert solr.uids("L’ÉCOLE") == expected


def test_d_insertion_finds_insertion(solr, corpus):
    assert "insertion" in solr.uids("d'insertion")
    assert solr.uids("d'insertion") == solr.uids("insertion")


def test_stopwords_do_not_change_the_result(solr, corpus):
    with_stopwords = solr.uids("la participation des habitants aux conseils citoyens")
    assert with_stopwords == {"participation"}
    assert solr.uids("participation habitants conseils citoyens") == with_stopwords


def test_acronym_synonym(solr, corpus):
    assert "quartiers" in solr.uids("QPV")


def test_protected_acronym_is_found(solr, corpus):
    assert solr.uids("cosoter") == {"cosoter"}


def test_summary_and_descriptors_reach_the_catch_all_field(solr, corpus):
    assert "prevenir-illettrisme" in solr.uids("prévention primaire")
    assert "egalite" in solr.uids("chances")


def test_authors_text_search(solr, corpus):
    assert solr.uids("authors_text:dupont") == {"guide-illettrisme"}


def test_edismax_search_handler_ranks_title_matches_first(solr, corpus):
    response = solr.select("illettrisme", handler="/search", fl="UID")
    uids = [doc["UID"] for doc in response["response"]["docs"]]
    assert set(uids) == {"guide-illettrisme", "adultes-illettres", "prevenir-illettrisme"}
    # exact word in the title (text_exact) beats the stem-only match "illettrés"
    assert uids[-1] == "adultes-illettres"
