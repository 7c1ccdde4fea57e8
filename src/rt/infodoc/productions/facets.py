"""The "Par thématique" / "Par territoire" lists of the productions' sections, in
French alphabetical order: accents and case folded ("Éducation" among the E, not
after "Valeurs"), with the project's one sort key (marc/text.py). Pure Python."""

from rt.infodoc.marc.text import sort_key


def by_label(counts, titles):
    """[(key, label, count)] for each key of `counts`, its label from `titles`
    (the key itself when the vocabulary lacks it), in French order of labels."""
    entries = [(key, titles.get(key, key), count) for key, count in counts.items()]
    return sorted(entries, key=lambda entry: (sort_key(entry[1]), entry[1]))
