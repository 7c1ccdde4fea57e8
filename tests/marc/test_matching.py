import pytest

from rt.infodoc.marc.matching import match_document_type
from rt.infodoc.marc.matching import match_site
from rt.infodoc.marc.matching import match_territories
from rt.infodoc.marc.matching import match_themes


@pytest.mark.parametrize(
    "value,expected",
    [
        ("Illettrisme", ["savoirs-de-base"]),
        ("SAVOIRS DE BASE", ["savoirs-de-base"]),
        (
            "Lutte contre l'illettrisme -- Politique de la ville",
            ["savoirs-de-base", "politique-de-la-ville"],
        ),
        ("Égalité femmes-hommes", ["egalite-femmes-hommes"]),
        ("Laïcité", ["valeurs-republique-laicite"]),
        ("Français langue étrangère", ["integration-langue"]),
        ("Soutien à la parentalité", ["parentalite"]),
        ("Économie sociale et solidaire", ["developpement-economique"]),
        ("Astronomie", []),
    ],
)
def test_themes(value, expected):
    assert match_themes([value]) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        ("Haute-Garonne", ["31"]),
        ("Toulouse", ["31"]),
        ("TOULOUSE (Haute-Garonne)", ["31"]),
        ("Tarn-et-Garonne", ["82"]),
        ("Tarn", ["81"]),
        ("Lot-et-Garonne", []),
        ("Lot", ["46"]),
        ("Pyrénées-Orientales", ["66"]),
        ("Hautes-Pyrénées", ["65"]),
        ("Ariège", ["09"]),
        ("Occitanie", ["occitanie"]),
        ("Midi-Pyrénées", ["occitanie"]),
        ("France", ["national"]),
        ("Nîmes", ["30"]),
        ("Lozère", ["48"]),
        ("Gers", ["32"]),
        ("Hérault", ["34"]),
        ("Paris", []),
    ],
)
def test_territories(value, expected):
    assert match_territories([value]) == expected


def test_sites_and_document_types():
    assert match_site("Relais Saint-Gaudens") == "saint-gaudens"
    assert match_site("Tarbes") == "tarbes"
    assert match_site("Bibliothèque de Lyon") is None
    assert match_document_type("Guide méthodologique") == "guide-methodologique"
    assert match_document_type("DVD vidéo") == "video"
    assert match_document_type("Texte officiel") == "texte-officiel"


def test_written_theme_labels_come_back_as_their_own_theme_only():
    from rt.infodoc.marc.vocabulary import THEME_LABELS

    for token, label in THEME_LABELS.items():
        assert match_themes([label]) == [token], label
