"""The UNIMARC relator list (vocabularies/relators.py), pure Python."""

from rt.infodoc.vocabularies import relators as r


def test_the_list_is_unimarc_appendix_c_in_french():
    assert len(r.RELATORS) == 124
    assert r.RELATORS["070"] == "Auteur"
    assert r.RELATORS["340"] == "Éditeur scientifique"
    assert r.RELATORS["651"] == "Directeur de publication, rédacteur en chef"
    assert r.RELATORS["727"] == "Directeur de thèse"
    assert r.RELATORS["730"] == "Traducteur"
    assert all(len(code) == 3 and code.isdigit() for code in r.RELATORS)


def test_marc21_codes_name_a_unimarc_function():
    assert set(r.MARC21_RELATORS.values()) <= set(r.RELATORS)
    assert r.relator_label("aut") == "Auteur" and r.relator_label("trl") == "Traducteur"
    assert r.relator_label("zzz") is None


def test_labels_and_usual_words_give_codes():
    assert r.relator_code("Éditeur scientifique") == "340"
    assert r.relator_code("editeur scientifique") == "340"
    assert r.relator_code(" Traducteur ") == "730"
    assert r.relator_code("Directeur de publication") == "651"
    assert r.relator_code("070") == "070"
    assert r.relator_code("aut") is None and r.relator_code("") is None


def test_the_choice_list_starts_with_author_then_follows_the_alphabet():
    codes = [code for code, _label in r.sorted_relators()]
    assert codes[0] == "070" and sorted(codes) == sorted(r.RELATORS)
    labels = [r.fold(label) for _code, label in r.sorted_relators()[1:]]
    assert labels == sorted(labels)
