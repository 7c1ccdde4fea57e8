"""<site>/recherche: the public search portal (home state and results state)."""

from functools import cached_property
from urllib.parse import urlencode

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.browser import display
from rt.infodoc.browser import page_shell
from rt.infodoc.browser import search_links as links
from rt.infodoc.browser import vocab
from rt.infodoc.circulation.availability import earliest_returns
from rt.infodoc.indexers.availability import AVAILABILITY_TITLES
from rt.infodoc.productions.dates import long_date
from rt.infodoc.search.engine import search
from rt.infodoc.search.query import SearchQuery
from rt.infodoc.services import server_timing
from rt.infodoc.theme.frame import titles

FACET_PREVIEW = 8  # values shown before "Voir plus"
HOME_SIZE = 6
PRODUCTION_TYPES = ("FicheExperience", "ConfAt", "PanoramaPresse")
HOME_RELAY = "toulouse"


class SearchView(BrowserView):
    """The portal page; every state is a GET URL (the permalink)."""

    parts = ViewPageTemplateFile("templates/recherche_parts.pt")
    shell_mode = False
    mark_head = page_shell.MARK_HEAD
    mark_core = page_shell.MARK_CORE

    def __call__(self):
        self.query = SearchQuery.from_request(dict(self.request.form))
        self.results = None if self.query.is_empty else search(self.context, self.query)
        server_timing.mark(self.request, solr=self.results.solr_ms if self.results else None)
        if page_shell.reusable(self.request):
            self.request.response.setHeader("Content-Type", "text/html;charset=utf-8")
            shell = page_shell.get(
                page_shell.shell_key(self.context, self.request), self._render_shell, self.request
            )
            if shell is not None:
                title = translate(titles.search_title(self.query), context=self.request)
                before, between, after = (page_shell.retitle(p, title) for p in shell)
                page_shell.skip_transforms(self.request)
                return "".join(
                    (before, self.fragment("head"), between, self.fragment("core"), after)
                )
        return self.index()

    # the page's <title>, breadcrumb and sharing tags (theme/frame/titles.py); the
    # shell holds a mark where each request puts its own title (page_shell.retitle)
    crumb_title = _("Recherche")

    def page_title(self):
        return page_shell.MARK_TITLE if self.shell_mode else titles.search_title(self.query)

    def fragment(self, part):
        """One part of the page, by Chameleon alone: its Python expressions are
        compiled into the template's own code (Zope's engine evaluates each one
        through zope.tales, a third of the page's time in a profile)."""
        return page_shell.render_part(self, part)

    def _render_shell(self):
        self.shell_mode = True
        try:
            return self.index()
        finally:
            self.shell_mode = False

    # ------------------------------------------------------------ urls
    @cached_property
    def base(self):
        return f"{self.context.absolute_url()}/recherche"

    def permalink(self):
        return links.url_of(self.base, self.query)

    def feed_url(self, kind):
        params = [(k, v) for k, v in self.query.to_params() if k != "page"]
        suffix = f"?{urlencode(params)}" if params else ""
        return f"{self.context.absolute_url()}/@@recherche-{kind}{suffix}"

    def suggest_url(self):
        return f"{self.context.absolute_url()}/@@recherche-suggest"

    def basket_url(self):
        return f"{self.context.absolute_url()}/panier"

    def suggestion_url(self):
        return links.url_of(self.base, SearchQuery(text=self.results.suggestion))

    # ------------------------------------------------------------ home state
    def _latest(self, portal_type, size=HOME_SIZE, sort_on="created"):
        brains = api.content.find(
            context=self.context,
            portal_type=portal_type,
            sort_on=sort_on,
            sort_order="descending",
            review_state="published",
            sort_limit=size,
        )[:size]
        kinds = vocab.vocabulary_titles(vocab.PRODUCTION_KINDS, self.context, self.request)
        return [
            {
                "title": b.Title,
                "url": b.getURL(),
                "description": b.Description,
                "kind": kinds.get(b.production_kind or "", ""),
                "year": getattr(b, "year", None) or "",
                "authors": display.display_authors(getattr(b, "authors", None) or []),
            }
            for b in brains
        ]

    def latest_acquisitions(self):
        """By date of cataloguing (browser/home/acquisitions.py), not creation."""
        from rt.infodoc.browser.home.acquisitions import newest_acquisitions

        return newest_acquisitions(self.context, HOME_SIZE)

    def latest_productions(self):
        return self._latest(list(PRODUCTION_TYPES))

    def dossiers(self):
        return self._latest("DossierThematique")

    def theme_tiles(self):
        """Every theme with the number of visible records, linking to its search."""
        counts = {}
        facet = search(self.context, SearchQuery(page_size=1)).facet("themes")
        if facet is not None:
            counts = {v.value: v.count for v in facet.values}
        titles = vocab.vocabulary_titles(vocab.THEMES, self.context, self.request)
        return [
            {
                "title": title,
                "count": counts.get(token, 0),
                "url": links.url_of(self.base, SearchQuery(filters={"themes": [token]})),
            }
            for token, title in titles.items()
        ]

    # ------------------------------------------------------------ results state
    def summary(self):
        """The count line, translated here: the anonymous reader's part is rendered
        by Chameleon alone, which would print a message id with its ${names}."""
        total = self.results.total
        if not total:
            message = _("Aucun résultat")
        else:
            first = self.query.start + 1
            last = min(total, self.query.start + self.query.page_size)
            numbers = {
                "count": display.number(total),
                "first": display.number(first),
                "last": display.number(last),
                "pages": display.number(self.results.pages),
            }
            if first > total and total == 1:
                message = _("1 résultat — aucun sur cette page, la dernière est la page 1")
            elif first > total:  # a page past the last one (an edited or stale link)
                message = _(
                    "${count} résultats — aucun sur cette page, la dernière est la page ${pages}",
                    mapping=numbers,
                )
            elif total == 1:
                message = _("1 résultat")
            elif total <= self.query.page_size:
                message = _("${count} résultats", mapping=numbers)
            else:
                message = _("${count} résultats — affichés de ${first} à ${last}", mapping=numbers)
        return translate(message, context=self.request)

    def out_of_range(self):
        """The page asked for is past the last one (an edited or stale link): its
        number, the number of pages and the last page's URL; else None."""
        results = self.results
        if not results or not results.total or self.query.page <= results.pages:
            return None
        return {
            "page": self.query.page,
            "pages": results.pages,
            "url": links.page_url(self.base, self.query, results.pages),
        }

    def returns(self):
        """{uid: "En prêt jusqu'au 3 février 2027"} for the results of this page
        whose copies are all out: one lookup in circulation per such result (the
        date only, never who has the copies)."""
        uids = [
            item.uid
            for item in self.results.items
            if "en-pret" in item.availability and "empruntable" not in item.availability
        ]
        if not uids:
            return {}
        return {
            uid: translate(
                _("En prêt jusqu'au ${date}", mapping={"date": long_date(due)}),
                context=self.request,
            )
            for uid, due in earliest_returns(uids).items()
        }

    def items(self):
        relay_titles = vocab.vocabulary_titles(vocab.RELAY_SITES, self.context, self.request)
        supports = vocab.vocabulary_titles(vocab.SUPPORTS, self.context, self.request)
        kinds = vocab.vocabulary_titles(vocab.PRODUCTION_KINDS, self.context, self.request)
        returns = self.returns()
        rows = []
        for item in self.results.items:
            relays = [
                relay_titles.get(s, s).split(" — ")[0] for s in item.relay_sites if s != HOME_RELAY
            ]
            availability = [AVAILABILITY_TITLES.get(a, a) for a in item.availability]
            if "empruntable" in item.availability and HOME_RELAY in item.relay_sites:
                availability[item.availability.index("empruntable")] = display.AVAILABLE
            if item.uid in returns:
                availability[item.availability.index("en-pret")] = returns[item.uid]
            rows.append(
                {
                    "uid": item.uid,
                    "url": item.url,
                    "title": item.title,
                    "authors": display.display_authors(item.authors),
                    "year": item.year or "",
                    "type": item.document_type_title or kinds.get(item.production_kind or "", ""),
                    "support": supports.get(item.support or "", ""),
                    "availability": availability,
                    "relays": relays,
                    "snippet": item.snippet or "",
                    "online": (item.urls or [None])[0],
                }
            )
        return rows

    def facets(self):
        """[{"name", "title", "entries": [...], "more": [...]}] (years come by decade)."""
        toggle = links.FacetLinks(self.base, self.query)
        facets = []
        for facet in self.results.facets:
            values = [
                {
                    "title": v.title,
                    "count": v.count,
                    "selected": v.selected,
                    "url": toggle.url(facet.name, v.value),
                }
                for v in facet.values
                if v.count or v.selected
            ]
            if not values:
                continue
            selected = [v for v in values if v["selected"]]
            rest = [v for v in values if not v["selected"]]
            shown = selected + rest[: max(0, FACET_PREVIEW - len(selected))]
            facets.append(
                {
                    "name": facet.name,
                    "title": facet.title,
                    "entries": shown,
                    "more": rest[len(shown) - len(selected) :],
                }
            )
        return facets

    def chips(self):
        titles = {}
        for facet in self.results.facets:
            for value in facet.values:
                titles[(facet.name, value.value)] = value.title
        return links.chips(
            self.base, self.query, lambda facet, value: titles.get((facet, value), value)
        )

    def clear_url(self):
        return self.base

    def sorts(self):
        return [
            {"value": value, "label": label, "selected": value == self.query.sort}
            for value, label in links.SORT_LABELS
        ]

    def sort_hidden_params(self):
        """The GET parameters a sort change keeps (all but sort and page)."""
        return [(k, v) for k, v in self.query.to_params() if k not in ("sort", "page")]

    def pagination(self):
        pages = self.results.pages
        current = self.query.page
        window = links.page_window(current, pages)
        if not window:
            return None
        return {
            "previous": links.page_url(self.base, self.query, current - 1) if current > 1 else None,
            "next": links.page_url(self.base, self.query, current + 1) if current < pages else None,
            "pages": [
                {
                    "number": n,
                    "current": n == current,
                    "url": links.page_url(self.base, self.query, n) if n else None,
                }
                for n in window
            ],
        }

    def advanced_open(self):
        q = self.query
        return bool(q.title or q.author or q.subject or q.isbn or q.year_from or q.year_to)
