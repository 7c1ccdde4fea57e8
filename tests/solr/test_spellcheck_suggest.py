"""'Did you mean' (/spell, spellcheck on /select) and title completion (/suggest)."""

import pytest

pytestmark = pytest.mark.solr


def suggestions(response):
    """Flatten Solr's spellcheck section: {misspelt word: [suggested words]}."""
    flat = response["spellcheck"]["suggestions"]
    pairs = zip(flat[::2], flat[1::2], strict=False)
    return {
        word: [s["word"] if isinstance(s, dict) else s for s in data["suggestion"]]
        for word, data in pairs
    }


def test_spell_handler_suggests_illettrisme(solr, corpus):
    response = solr.select("illetrisme", handler="/spell")
    assert response["response"]["numFound"] == 0
    assert "illettrisme" in suggestions(response)["illetrisme"]


def test_select_collates_a_corrected_query(solr, corpus):
    response = solr.select("illetrisme occitanie", spellcheck="true")
    collations = response["spellcheck"]["collations"]
    queries = [c["collationQuery"] for c in collations[1::2]]
    assert "illettrisme occitanie" in queries


def test_correct_words_get_no_suggestion(solr, corpus):
    response = solr.select("illettrisme", handler="/spell")
    assert response["response"]["numFound"] == 3
    assert suggestions(response) == {}


def completions(solr, prefix, roles="Anonymous"):
    params = [("suggest.q", prefix)]
    if roles:
        params.append(("suggest.cfq", roles))
    response = solr.get("/suggest", params)
    return [s["term"] for s in response["suggest"]["titles"][prefix]["suggestions"]]


def test_suggester_completes_illet_to_titles(solr, corpus):
    titles = completions(solr, "illet")
    assert "Illettrisme : guide pour agir en Occitanie" in titles
    assert "Prévenir l'illettrisme dès l'école" in titles
    assert "Les adultes illettrés face à l'emploi" in titles


def test_suggester_ignores_accents_and_case(solr, corpus):
    assert "Égalité femmes-hommes dans les quartiers" in completions(solr, "EGAL")


def test_suggester_hides_titles_anonymous_cannot_see(solr, corpus):
    assert not any("note interne" in t for t in completions(solr, "illet"))
    assert any("note interne" in t for t in completions(solr, "illet", roles="Manager"))
