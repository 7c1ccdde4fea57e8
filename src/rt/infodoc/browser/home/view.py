"""<site> (view "accueil"): the home page, the entrance to the library.

A large search box (the same form and autocompletion as /recherche), the themes
with their counts, the newest acquisitions by date of cataloguing, the latest
productions and news, the coming Conf'At' and the dossiers. Anonymous readers get
a copy rendered once a minute (cache.py).
"""

from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView

from rt.infodoc.browser import page_shell
from rt.infodoc.browser import vocab
from rt.infodoc.browser.home import cache
from rt.infodoc.browser.home.acquisitions import newest_acquisitions
from rt.infodoc.browser.search_view import SearchView
from rt.infodoc.french_dates import long_date

SIZE = 5
PRODUCTION_TYPES = ("FicheExperience", "ConfAt", "PanoramaPresse", "Actualite", "News Item")


class HomeView(BrowserView):
    """The site root's default view."""

    def __call__(self):
        if page_shell.reusable(self.request):
            key = ("accueil", *page_shell.shell_key(self.context, self.request))
            self.request.response.setHeader("Content-Type", "text/html;charset=utf-8")
            page = cache.get(key, lambda: page_shell.transformed(self.request, self.index()))
            page_shell.skip_transforms(self.request)  # already themed
            return page
        return self.index()

    @property
    def search(self):
        view = getattr(self, "_search", None)
        if view is None:
            view = self._search = SearchView(self.context, self.request)
        return view

    def search_url(self):
        return self.search.base

    def suggest_url(self):
        return self.search.suggest_url()

    def theme_tiles(self):
        return self.search.theme_tiles()

    def acquisitions(self):
        return newest_acquisitions(self.context)

    def productions(self):
        kinds = vocab.vocabulary_titles(vocab.PRODUCTION_KINDS, self.context, self.request)
        brains = api.content.find(
            context=self.context,
            portal_type=list(PRODUCTION_TYPES),
            review_state="published",
            sort_on="effective",
            sort_order="descending",
            sort_limit=SIZE,
        )[:SIZE]
        return [
            {
                "title": b.Title,
                "url": b.getURL(),
                "kind": kinds.get(getattr(b, "production_kind", None) or "", "")
                or ("Actualité" if b.portal_type == "News Item" else ""),
            }
            for b in brains
        ]

    def coming_confat(self):
        """Conf'At' sessions from today on, the nearest first (their date is indexed
        as ``start``)."""
        brains = api.content.find(
            context=self.context,
            portal_type="ConfAt",
            review_state="published",
            start={"query": DateTime().earliestTime(), "range": "min"},
            sort_on="start",
            sort_limit=SIZE,
        )[:SIZE]
        return [
            {"title": b.Title, "url": b.getURL(), "date": _french_date(b.start)} for b in brains
        ]

    def confat_url(self):
        return f"{self.context.absolute_url()}/conf-at"

    def dossiers(self):
        return self.search.dossiers()[:SIZE]

    def dossiers_url(self):
        return f"{self.context.absolute_url()}/dossiers"

    def new_records_url(self):
        return f"{self.search.base}?sort=date"


def _french_date(value):
    if not value:
        return ""
    if isinstance(value, DateTime):
        return long_date(value.asdatetime().date())
    return ""
