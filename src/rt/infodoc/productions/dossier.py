"""The page of a dossier thématique."""

from plone import api

from rt.infodoc.productions.base import ProductionView
from rt.infodoc.productions.live import newest_on_themes
from rt.infodoc.productions.news import news_day

SUBPAGE_TYPES = ("Document", "Link", "Folder")
DOCUMENT_TYPES = ("File", "Image")


class DossierView(ProductionView):
    def references(self):
        notes = {}
        for row in getattr(self.context, "reference_notes", None) or []:
            uid = (row or {}).get("reference")
            if uid and (row.get("comment") or "").strip():
                notes[uid] = row["comment"].strip()
        rows = self.relations("references")
        for row in rows:
            row["comment"] = notes.get(row.get("uid"), "")
        return rows

    def live(self):
        return newest_on_themes(self.context, getattr(self.context, "themes", None) or [])

    def theme_search_url(self):
        themes = getattr(self.context, "themes", None) or []
        return self.search_url(**{"themes": themes[0]}) if len(themes) == 1 else None

    def news(self):
        themes = getattr(self.context, "themes", None) or []
        if not themes:
            return []
        brains = api.content.find(
            portal_type="Actualite", themes=themes, sort_on="effective", sort_order="reverse"
        )[:5]
        rows = []
        for brain in brains:
            day = news_day(brain.getObject())
            rows.append({"title": brain.Title, "url": brain.getURL(), "date": self.long_date(day)})
        return rows

    def subpages(self):
        return [
            {"title": b.Title, "url": b.getURL(), "description": b.Description}
            for b in self.listing(portal_type=list(SUBPAGE_TYPES))
        ]

    def documents(self):
        rows = []
        for brain in self.listing(portal_type=list(DOCUMENT_TYPES)):
            obj = brain.getObject()
            field = "file" if brain.portal_type == "File" else "image"
            blob = getattr(obj, field, None)
            rows.append(
                {
                    "title": brain.Title,
                    "url": f"{brain.getURL()}/@@download/{field}",
                    "size": self._size(blob),
                }
            )
        return rows

    @staticmethod
    def _size(blob):
        from rt.infodoc.productions.base import human_size

        return human_size(getattr(blob, "size", 0))
