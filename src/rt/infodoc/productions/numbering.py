"""The fiches expériences' series numbers ("n°2/2011"); pure Python, no Zope."""

import re

_NUMBER = re.compile(r"n\s*[°o]?\s*(\d+)\s*/\s*(\d{4})", re.IGNORECASE)


def parse(text):
    """ "n°2/2011" -> (2, 2011); None when the text is no series number."""
    match = _NUMBER.search(text or "")
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def format_number(rank, year):
    return f"n°{rank}/{year}"


def next_rank(year, counter_value, existing):
    """The next rank of `year`: above the counter and above every number given by hand."""
    ranks = [rank for rank, y in (parse(t) for t in existing if parse(t)) if y == year]
    return max([counter_value or 0, *ranks]) + 1
