"""The newest acquisitions: the published Notices catalogued last.

"Catalogued" is the record's date entered on file (UNIMARC 100$a, MARC 21 008)
when it came from a MARC record, else its creation in the site (indexer
``cataloguing_date``). Sorting on Plone's ``created`` gave the records of the
last minute of an import (the index keeps minutes) in index order: old
periodicals, in reverse alphabetical order.
"""

from plone import api

from rt.infodoc.browser.display import display_authors

SIZE = 5


def newest_acquisitions(context, size=SIZE):
    """[{"title", "url", "authors", "year", "meta"}], newest first."""
    brains = api.content.find(
        context=context,
        portal_type="Notice",
        review_state="published",
        sort_on="cataloguing_date",
        sort_order="descending",
        sort_limit=size,
    )[:size]
    rows = []
    for b in brains:
        authors = display_authors(getattr(b, "authors", None) or [])
        year = getattr(b, "year", None) or ""
        rows.append(
            {
                "title": b.Title,
                "url": b.getURL(),
                "authors": authors,
                "year": year,
                "meta": card_meta(authors, year),
            }
        )
    return rows


def card_meta(authors, year):
    """ "Dupont, Jean, 2021", "Dupont, Jean", "2021" or "": the line under a title
    (the home page and /recherche before any search show the same)."""
    return ", ".join(str(part) for part in (authors, year) if part)
