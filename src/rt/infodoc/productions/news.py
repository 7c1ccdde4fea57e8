"""The watch blog "Veille Information Professionnelle": a news page and the archives."""

from collections import Counter
from urllib.parse import urlencode

from rt.infodoc import _
from rt.infodoc.browser import vocab
from rt.infodoc.productions import facets
from rt.infodoc.productions.base import ProductionView
from rt.infodoc.productions.dates import as_date
from rt.infodoc.productions.dates import long_date
from rt.infodoc.productions.dates import month_key
from rt.infodoc.productions.dates import month_label

PAGE_SIZE = 20


def news_day(obj):
    """The news' own date, else the day it was published (never Zope's "no date")."""
    for value in (getattr(obj, "date", None), obj.effective(), obj.created()):
        day = as_date(value)
        if day is not None and day.year > 1990:
            return day
    return None


class NewsView(ProductionView):
    def day(self):
        return long_date(news_day(self.context))

    def blog(self):
        parent = self.context.__parent__
        return {"title": parent.Title(), "url": parent.absolute_url()}


class WatchBlogView(ProductionView):
    """Newest first, filtered by month (mois=2011-04), theme or territory; the
    archive lists and the feeds of each theme and territory beside."""

    def update(self):
        form = self.request.form
        self.month = form.get("mois") if isinstance(form.get("mois"), str) else ""
        self.theme = form.get("theme") if isinstance(form.get("theme"), str) else ""
        self.place = form.get("territoire") if isinstance(form.get("territoire"), str) else ""
        themes = vocab.vocabulary_titles(vocab.THEMES, self.context, self.request)
        places = vocab.vocabulary_titles(vocab.TERRITORIES, self.context, self.request)
        entries = []
        for brain in self.listing(portal_type="Actualite", sort_on="effective"):
            obj = brain.getObject()
            day = news_day(obj)
            entries.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "day": day,
                    "date": long_date(day),
                    "month": month_key(day),
                    "themes": list(obj.themes or []),
                    "territory": list(obj.territory or []),
                    "source": getattr(obj, "source", None) or "",
                }
            )
        entries.sort(key=lambda e: e["day"] or as_date("1900-01-01"), reverse=True)
        months = Counter(e["month"] for e in entries if e["month"])
        theme_count = Counter(t for e in entries for t in e["themes"])
        place_count = Counter(t for e in entries for t in e["territory"])
        self.months = [
            {"label": month_label(k), "count": n, "url": self._url(mois=k), "key": k}
            for k, n in sorted(months.items(), reverse=True)
        ]
        self.theme_archive = self._archive(theme_count, themes, "theme", "themes")
        self.place_archive = self._archive(place_count, places, "territoire", "territory")
        shown = [
            e
            for e in entries
            if (not self.month or e["month"] == self.month)
            and (not self.theme or self.theme in e["themes"])
            and (not self.place or self.place in e["territory"])
        ]
        for entry in shown:
            entry["theme_titles"] = [themes.get(t, t) for t in entry["themes"]]
            entry["place_titles"] = [places.get(t, t) for t in entry["territory"]]
        self.entries = shown[:PAGE_SIZE] if not (self.month or self.theme or self.place) else shown
        self.heading = self._heading(themes, places)

    def _archive(self, counts, titles, param, facet):
        return [
            {
                "label": label,
                "count": n,
                "url": self._url(**{param: k}),
                "atom": self.feed_url("atom", **{facet: k}),
                "rss": self.feed_url("rss", **{facet: k}),
            }
            for k, label, n in facets.by_label(counts, titles)
        ]

    def _heading(self, themes, places):
        if self.month:
            message = _("Actualités de ${month}", mapping={"month": month_label(self.month)})
        elif self.theme or self.place:
            label = themes.get(self.theme, self.theme) if self.theme else places.get(self.place)
            message = _("Actualités : ${label}", mapping={"label": label or self.place})
        else:
            message = _("Dernières actualités")
        return self.tr(message)

    def _url(self, **params):
        return f"{self.context.absolute_url()}?{urlencode(params)}"

    def feed_url(self, kind, **filters):
        params = [("f.production_kind", "actualite")]
        params += [(f"f.{k}", v) for k, v in filters.items()]
        return f"{self.portal_url()}/recherche-{kind}?{urlencode(params)}"

    def filtered(self):
        return bool(self.month or self.theme or self.place)

    def __call__(self):
        self.update()
        return self.index()
