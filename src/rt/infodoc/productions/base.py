"""What every production page shares: French dates, themes and territories as
links into the search portal, rich text, files, relations (a deleted Notice is
said so, not shown as a broken link)."""

from urllib.parse import urlencode

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.browser import vocab
from rt.infodoc.productions.dates import long_date

GONE = _("Cette référence n'est plus disponible : la notice a été retirée du fonds.")


def human_size(size):
    if not size:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} ko"
    return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")


class ProductionView(BrowserView):
    """Base of the productions' pages; templates show only what is filled in."""

    def tr(self, message):
        """A message id of the domain, in the reader's language (plain text)."""
        return translate(message, context=self.request)

    def portal_url(self):
        return api.portal.get().absolute_url()

    def search_url(self, **filters):
        params = [(f"f.{name}", value) for name, value in filters.items()]
        return f"{self.portal_url()}/recherche?{urlencode(params)}"

    def date(self, name="date"):
        return long_date(getattr(self.context, name, None))

    def long_date(self, value):
        return long_date(value)

    def _terms(self, vocabulary, field, facet):
        tokens = getattr(self.context, field, None) or []
        titles = vocab.vocabulary_titles(vocabulary, self.context, self.request)
        return [
            {"title": titles.get(t, t), "url": self.search_url(**{facet: t}), "token": t}
            for t in tokens
            if t
        ]

    def themes(self):
        return self._terms(vocab.THEMES, "themes", "themes")

    def territories(self):
        return self._terms(vocab.TERRITORIES, "territory", "territory")

    def rich(self, name):
        value = getattr(self.context, name, None)
        output = getattr(value, "output", None) if value is not None else None
        return output if output and output.strip() else ""

    def file_info(self, name, label=None):
        blob = getattr(self.context, name, None)
        if blob is None or not getattr(blob, "size", 0):
            return None
        filename = blob.filename or name
        return {
            "url": f"{self.context.absolute_url()}/@@download/{name}/{filename}",
            "filename": filename,
            "size": human_size(blob.size),
            "kind": (
                filename.rsplit(".", 1)[-1].upper() if "." in filename else self.tr(_("fichier"))
            ),
            "label": self.tr(label) if label else filename,
        }

    def relations(self, name):
        """[{title, url, description, gone}] of a relation list field."""
        rows = []
        for relation in getattr(self.context, name, None) or []:
            target = None
            if relation is not None and not relation.isBroken():
                target = relation.to_object
            if target is None:
                rows.append({"gone": True, "title": self.tr(GONE), "url": None, "description": ""})
                continue
            rows.append(
                {
                    "gone": False,
                    "title": target.Title(),
                    "url": target.absolute_url(),
                    "description": target.Description(),
                    "uid": target.UID(),
                    "year": getattr(target, "year", None),
                }
            )
        return rows

    def listing(self, portal_type=None, sort_on="getObjPositionInParent", **query):
        """Catalog brains right below the context, as the current user may see them."""
        path = "/".join(self.context.getPhysicalPath())
        query = dict(query, path={"query": path, "depth": 1}, sort_on=sort_on)
        if portal_type:
            query["portal_type"] = portal_type
        return api.content.find(**query)
