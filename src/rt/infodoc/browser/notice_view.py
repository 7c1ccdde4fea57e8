"""The public page of a Notice (its default ``view``)."""

from urllib.parse import urlencode

from plone import api
from Products.Five.browser import BrowserView

from rt.infodoc import _
from rt.infodoc.browser import display
from rt.infodoc.browser import vocab
from rt.infodoc.browser.export_formats import FORMATS
from rt.infodoc.browser.export_formats import filename
from rt.infodoc.browser.notice_data import notice_dict
from rt.infodoc.circulation.availability import copy_rows
from rt.infodoc.circulation.store import get_store
from rt.infodoc.indexers.values import PRODUCTION_KINDS
from rt.infodoc.marc.exports.zotero import coins_title

# Bibliographic description, in display order: (field, French label).
DESCRIPTION_FIELDS = (
    ("subtitle", _("Complément du titre")),
    ("responsibility", _("Mention de responsabilité")),
    ("edition", _("Édition")),
    ("place", _("Lieu d'édition")),
    ("publisher", _("Éditeur")),
    ("year", _("Année d'édition")),
    ("collation", _("Collation")),
    ("collection", _("Collection")),
    ("collection_number", _("Numéro dans la collection")),
    ("series_title", _("Périodique ou ensemble")),
    ("isbn", _("ISBN")),
    ("issn", _("ISSN")),
    ("ean", _("EAN")),
    ("price", _("Prix")),
    ("doc_language", _("Langue du document")),
    ("document_type", _("Type de document")),
    ("support", _("Support")),
    ("dewey", _("Indice Dewey")),
    ("cosoter_id", _("Identifiant COSOTer")),
)
TEXT_FIELDS = (
    ("summary", _("Résumé")),
    ("contents", _("Table des matières")),
    ("notes", _("Notes")),
)
EXPORT_VIEWS = (
    ("ris", "export-ris"),
    ("bibtex", "export-bibtex"),
    ("unimarc", "export-unimarc"),
    ("marcxml", "export-marcxml"),
    ("unimarcxml", "export-unimarcxml"),
)
_CODED = {
    "doc_language": vocab.LANGUAGES,
    "document_type": vocab.DOCUMENT_TYPES,
    "support": vocab.SUPPORTS,
}


class NoticeView(BrowserView):
    """Every field of the record in French, its copies, links and exports."""

    def _title(self, vocabulary, token):
        return vocab.term_title(vocabulary, token, self.context, self.request)

    def search_url(self, **params):
        portal = api.portal.get()
        return f"{portal.absolute_url()}/recherche?{urlencode(params)}"

    def description(self):
        """[{"name", "label", "shown": [str]}] of the bibliographic description."""
        rows = []
        for name, label in DESCRIPTION_FIELDS:
            value = getattr(self.context, name, None)
            if value in (None, "", [], ()):
                continue
            values = list(value) if isinstance(value, (list, tuple)) else [value]
            if name in _CODED:
                values = [self._title(_CODED[name], v) for v in values]
            rows.append({"name": name, "label": label, "shown": [str(v) for v in values]})
        return rows

    def authors(self):
        return [
            {
                "label": display.author_label(a),
                "url": self.search_url(**{"f.authors": a.get("name", "")}),
            }
            for a in (self.context.authors or [])
            if a and a.get("name")
        ]

    def texts(self):
        rows = []
        for name, label in TEXT_FIELDS:
            parts = display.paragraphs(getattr(self.context, name, None))
            if name == "contents":
                parts = [p.strip() for text in parts for p in text.split(" ; ") if p.strip()]
            if parts:
                rows.append({"name": name, "label": label, "paragraphs": parts})
        if self.can_edit():
            local = display.paragraphs(getattr(self.context, "local_note", None))
            if local:
                rows.append(
                    {"name": "local_note", "label": _("Note locale (interne)"), "paragraphs": local}
                )
        return rows

    def indexing(self):
        """Themes, territories, descriptors and keywords, each linking to a search."""
        context = self.context
        groups = []
        for name, label, vocabulary in (
            ("themes", _("Thématiques"), vocab.THEMES),
            ("territory", _("Territoire"), vocab.TERRITORIES),
        ):
            tokens = getattr(context, name, None) or []
            titles = vocab.vocabulary_titles(vocabulary, context, self.request)
            if tokens:
                groups.append(
                    {
                        "label": label,
                        "terms": [
                            {"title": titles.get(t, t), "url": self.search_url(**{f"f.{name}": t})}
                            for t in tokens
                        ],
                    }
                )
        for name, label, facet in (
            ("descriptors", _("Descripteurs"), "descriptors"),
            ("keywords", _("Mots-clés"), None),
        ):
            terms = getattr(context, name, None) or []
            if terms:
                groups.append(
                    {
                        "label": label,
                        "terms": [
                            {
                                "title": t,
                                "url": self.search_url(
                                    **({f"f.{facet}": t} if facet else {"q": t})
                                ),
                            }
                            for t in terms
                        ],
                    }
                )
        return groups

    def links(self):
        return [str(u) for u in (self.context.urls or [])]

    def file_info(self):
        blob = getattr(self.context, "file", None)
        if not blob:
            return None
        size = blob.getSize()
        return {
            "url": f"{self.context.absolute_url()}/@@download/file/{blob.filename}",
            "filename": blob.filename,
            "size": f"{size / 1024:.0f} Ko" if size < 1024 * 1024 else f"{size / 1048576:.1f} Mo",
            "type": (blob.contentType or "").split("/")[-1].upper(),
        }

    def copies(self):
        sites = vocab.vocabulary_titles(vocab.RELAY_SITES, self.context, self.request)
        store = get_store(api.portal.get())
        if store is not None and store.copies_of(self.context.UID()):
            # the live state from circulation (on loan until, reserved, in transit)
            short = {code: title.split(" — ")[0] for code, title in sites.items()}
            return copy_rows(store, self.context.UID(), short)
        rows = []
        for item in self.context.items or []:
            label = display.item_availability(item)
            rows.append(
                {
                    "site": sites.get(item.get("site"), item.get("site") or "Toulouse"),
                    "call_number": item.get("call_number", ""),
                    "section": item.get("section", ""),
                    "status": item.get("status", ""),
                    "availability": label,
                    "css": display.availability_class(label),
                }
            )
        return rows

    def related(self):
        """Visible related items and the productions and dossiers citing this record."""
        seen, rows = set(), []
        relations = []
        for rel in api.relation.get(source=self.context):
            relations.append((rel.to_object, _("Voir aussi")))
        for rel in api.relation.get(target=self.context):
            obj = rel.from_object
            kind = (
                _("Cité dans le dossier")
                if obj is not None and obj.portal_type == "DossierThematique"
                else _("Cité par")
            )
            relations.append((obj, kind))
        kinds = vocab.vocabulary_titles(vocab.PRODUCTION_KINDS, self.context, self.request)
        for obj, relation in relations:
            if obj is None or obj.UID() in seen:
                continue
            if not api.user.has_permission("View", obj=obj):
                continue
            seen.add(obj.UID())
            kind = PRODUCTION_KINDS.get(obj.portal_type, "")
            rows.append(
                {
                    "title": obj.Title(),
                    "url": obj.absolute_url(),
                    "relation": relation,
                    "kind": kinds.get(kind, kind),
                }
            )
        return rows

    def exports(self):
        base = self.context.absolute_url()
        return [
            {
                "url": f"{base}/@@{view}",
                "label": FORMATS[name].label,
                "filename": filename(name, self.context.getId()),
            }
            for name, view in EXPORT_VIEWS
        ]

    def coins(self):
        return coins_title(notice_dict(self.context), self.context.absolute_url())

    def headline(self):
        """Type · year · support, the line under the title."""
        context = self.context
        parts = [
            self._title(vocab.DOCUMENT_TYPES, context.document_type),
            str(context.year or ""),
            self._title(vocab.SUPPORTS, context.support),
        ]
        return " · ".join(p for p in parts if p)

    def can_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def basket_url(self):
        return f"{api.portal.get().absolute_url()}/panier"
