"""Indexers for the rt.infodoc types."""

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer

from rt.infodoc.content.confat import IConfAt
from rt.infodoc.content.fiche_experience import IFicheExperience
from rt.infodoc.content.notice import INotice
from rt.infodoc.indexers.values import PRODUCTION_KINDS
from rt.infodoc.indexers.values import join_text
from rt.infodoc.indexers.values import normalize_isbn


@indexer(IDexterityContent)
def production_kind(obj):
    return PRODUCTION_KINDS.get(obj.portal_type)


@indexer(INotice)
def authors(obj):
    return [a["name"] for a in (obj.authors or []) if a and a.get("name")]


@indexer(INotice)
def isbn_norm(obj):
    values = list(obj.isbn or []) + [obj.issn or "", obj.ean or ""]
    return [n for n in (normalize_isbn(v) for v in values) if n]


@indexer(INotice)
def relay_sites(obj):
    return sorted({item.get("site") for item in (obj.items or []) if item.get("site")})


@indexer(INotice)
def notice_sortable_title(obj):
    return (obj.sort_title or obj.title or "").lower()[:40]


@indexer(INotice)
def notice_searchable_text(obj):
    return join_text(
        obj.title, obj.subtitle, obj.responsibility, authors(obj)(),
        obj.publisher, obj.collection, obj.series_title, obj.description,
        obj.summary, obj.contents, obj.notes, obj.descriptors, obj.keywords,
        obj.isbn, obj.issn, isbn_norm(obj)(), obj.cosoter_id, obj.local_note,
    )


@indexer(IFicheExperience)
def fiche_searchable_text(obj):
    return join_text(
        obj.title, obj.description, obj.fiche_number, obj.structure, obj.partners,
        obj.public, obj.financing, obj.contact, obj.text,
    )


@indexer(IConfAt)
def confat_searchable_text(obj):
    return join_text(
        obj.title, obj.description, obj.series, obj.place, obj.speakers, obj.text,
    )


@indexer(IConfAt)
def speakers(obj):
    return [s["name"] for s in (obj.speakers or []) if s and s.get("name")]
