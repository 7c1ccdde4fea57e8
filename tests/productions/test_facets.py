"""The "Par thématique" lists of /dossiers, /panoramas, /periodiques (and the
fiches' and watch blog's) in French order: accented labels among their letter."""

from rt.infodoc.productions import facets

TITLES = {
    "valeurs": "Valeurs de la République et laïcité",
    "education": "Éducation et réussite éducative",
    "egalite": "Égalité femmes-hommes",
    "emploi": "emploi et insertion",
    "acces": "Accès aux droits",
}


def test_labels_in_french_order_accents_and_case_folded():
    counts = {key: 1 for key in TITLES}
    labels = [label for _key, label, _n in facets.by_label(counts, TITLES)]
    assert labels == [
        "Accès aux droits",
        "Éducation et réussite éducative",
        "Égalité femmes-hommes",
        "emploi et insertion",
        "Valeurs de la République et laïcité",
    ]


def test_counts_kept_and_unknown_key_shown_as_itself():
    entries = facets.by_label({"education": 3, "zz-inconnu": 2}, TITLES)
    assert entries == [
        ("education", "Éducation et réussite éducative", 3),
        ("zz-inconnu", "zz-inconnu", 2),
    ]


def test_every_section_view_sorts_through_the_helper():
    # the views build their lists with facets.by_label, not a raw sort of labels
    import inspect

    from rt.infodoc.productions import fiche_section
    from rt.infodoc.productions import listing
    from rt.infodoc.productions import news

    for module in (listing, fiche_section, news):
        source = inspect.getsource(module)
        assert "facets.by_label(" in source and "sorted(counts.items()" not in source, module
