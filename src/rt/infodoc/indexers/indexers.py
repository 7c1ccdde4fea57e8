"""Indexers for the rt.infodoc types."""

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer

from rt.infodoc.circulation.availability import record_copies
from rt.infodoc.content.confat import IConfAt
from rt.infodoc.content.fiche_experience import IFicheExperience
from rt.infodoc.content.notice import INotice
from rt.infodoc.indexers.notice_generic import field_value as stored
from rt.infodoc.indexers.values import PRODUCTION_KINDS
from rt.infodoc.indexers.values import join_text
from rt.infodoc.indexers.values import normalize_isbn


@indexer(IDexterityContent)
def production_kind(obj):
    return PRODUCTION_KINDS.get(obj.portal_type)


@indexer(INotice)
def authors(obj):
    return [a["name"] for a in (stored(obj, "authors") or []) if a and a.get("name")]


@indexer(INotice)
def isbn_norm(obj):
    values = list(stored(obj, "isbn") or []) + [stored(obj, "issn") or "", stored(obj, "ean") or ""]
    return [n for n in (normalize_isbn(v) for v in values) if n]


@indexer(INotice)
def relay_sites(obj):
    """The sites holding a copy: the copies in the circulation store (entered
    through the copies form or imported), else the record's imported copies (a
    site before the copies were moved there)."""
    copies = record_copies(obj)
    if copies:
        return sorted({copy.site for copy in copies if copy.site})
    return sorted({item.get("site") for item in (stored(obj, "items") or []) if item.get("site")})


@indexer(INotice)
def notice_sortable_title(obj):
    return (stored(obj, "sort_title") or stored(obj, "title") or "").lower()[:40]


_NOTICE_TEXT = (
    "title",
    "subtitle",
    "responsibility",
    "authors",
    "publisher",
    "collection",
    "series_title",
    "description",
    "summary",
    "contents",
    "notes",
    "descriptors",
    "keywords",
    "isbn",
    "issn",
    "isbn_norm",
    "cosoter_id",
    "local_note",
)


@indexer(INotice)
def notice_searchable_text(obj):
    parts = []
    for name in _NOTICE_TEXT:
        if name == "authors":
            parts.append(authors(obj)())
        elif name == "isbn_norm":
            parts.append(isbn_norm(obj)())
        else:
            parts.append(stored(obj, name))
    return join_text(*parts)


@indexer(IFicheExperience)
def fiche_searchable_text(obj):
    return join_text(
        obj.title,
        obj.description,
        obj.fiche_number,
        obj.structure,
        obj.partners,
        obj.public,
        obj.financing,
        obj.contact,
        obj.text,
    )


@indexer(IConfAt)
def confat_searchable_text(obj):
    return join_text(
        obj.title,
        obj.description,
        obj.series,
        obj.place,
        obj.speakers,
        obj.text,
    )


@indexer(IConfAt)
def speakers(obj):
    return [s["name"] for s in (obj.speakers or []) if s and s.get("name")]


@indexer(INotice)
def cataloguing_date(obj):
    """When the record was catalogued, in seconds since the epoch (a sort key kept
    to the second: a DateIndex keeps minutes, and an import creates a hundred
    Notices a second): its MARC date entered on file (100$a, 008) when it came from
    a MARC record, else the moment it was created in the site."""
    from DateTime import DateTime

    from rt.infodoc.marc.entered import date_entered

    day = date_entered(stored(obj, "marc_record"), stored(obj, "marc_flavour"))
    if day is None:
        return obj.created().timeTime()
    return DateTime(day.year, day.month, day.day, 0, 0, 0, "Europe/Paris").timeTime()
