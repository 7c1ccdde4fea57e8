"""Parse ``token|Titre`` lines (pure Python)."""


def parse_lines(lines):
    """Return ``[(token, title), ...]`` from ``token|Titre`` lines.

    Blank lines are skipped; a line without ``|`` uses itself as token and title;
    a repeated token keeps its first title.
    """
    seen = set()
    terms = []
    for line in lines or ():
        line = (line or "").strip()
        if not line:
            continue
        token, _sep, title = line.partition("|")
        token, title = token.strip(), title.strip() or token.strip()
        if token and token not in seen:
            seen.add(token)
            terms.append((token, title))
    return terms
