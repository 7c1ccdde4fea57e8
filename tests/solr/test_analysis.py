"""The French analysis chain, through Solr's field analysis API (/analysis/field)."""

import pytest

pytestmark = pytest.mark.solr


def test_illettres_and_illettrisme_share_a_stem(solr):
    stems = {
        word: solr.analyze("text_fr", word)
        for word in ("illettrés", "Illettrisme", "illettrisme", "ILLETTRÉ")
    }
    assert len(set(map(tuple, stems.values()))) == 1, stems
    assert stems["illettrés"] == ["illettr"]


def test_accents_are_folded_before_stemming(solr):
    assert solr.analyze("text_fr", "égalité") == solr.analyze("text_fr", "egalite")
    assert solr.analyze("text_fr", "Égalité") == solr.analyze("text_fr", "EGALITE") != []


@pytest.mark.parametrize(
    "elided, bare",
    [
        ("l'école", "école"),
        ("L’École", "ecole"),  # typographic apostrophe, capitals, no accent
        ("d'insertion", "insertion"),
        ("qu'un", "un"),
        ("jusqu'aux", "aux"),
        ("lorsqu'elle", "elle"),
        ("n'est", "est"),
        ("s'inscrire", "inscrire"),
    ],
)
def test_elision(solr, elided, bare):
    assert solr.analyze("text_fr", elided) == solr.analyze("text_fr", bare)


def test_hyphenated_words_are_split(solr):
    assert solr.analyze("text_fr", "femmes-hommes") == solr.analyze("text_fr", "femmes hommes")
    assert solr.analyze("text_fr", "femmes-hommes") == ["femm", "homm"]


def test_stopwords_are_dropped(solr):
    assert solr.analyze("text_fr", "entre les femmes et les hommes") == solr.analyze(
        "text_fr", "femmes hommes"
    )
    assert solr.analyze("text_fr", "où à") == []


def test_protected_words_are_not_stemmed(solr):
    # Snowball French strips the "-er" of "cosoter" and the "s" of "cucs" otherwise
    assert solr.analyze("text_fr", "COSOTer") == ["cosoter"]
    assert solr.analyze("text_fr", "CUCS") == ["cucs"]
    assert solr.analyze("text_fr", "rapporter") == ["rapport"]  # the stemmer does run


def test_exact_field_keeps_words_whole(solr):
    assert solr.analyze("text_exact", "Illettrés") == ["illettres"]
    assert solr.analyze("text_exact", "l'illettrisme") == ["illettrisme"]


def test_spell_field_keeps_accents(solr):
    assert solr.analyze("text_spell", "L'Égalité") == ["égalité"]


def test_identifiers_are_normalised(solr):
    assert solr.analyze("identifier_norm", "978-2-7466-1234-5") == ["9782746612345"]
    assert solr.analyze("identifier_norm", "2 7466 0999 X") == ["274660999x"]


def test_query_synonyms_expand_acronyms(solr):
    tokens = solr.analyze("text_fr", "QPV", query=True)
    assert {"qpv", "quarti", "prioritair"} <= set(tokens)
