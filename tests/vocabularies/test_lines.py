"""The ``token|Titre`` lines of the registry vocabularies (pure)."""

from rt.infodoc.vocabularies.lines import parse_lines


def test_lines_give_tokens_and_titles():
    lines = [
        "savoirs-de-base|Savoirs de base et illettrisme",
        "",
        "  sante | Santé  ",
        "jeunesse",
        "sante|Doublon",
    ]
    assert parse_lines(lines) == [
        ("savoirs-de-base", "Savoirs de base et illettrisme"),
        ("sante", "Santé"),
        ("jeunesse", "jeunesse"),
    ]


def test_no_lines_no_terms():
    assert parse_lines(None) == []
