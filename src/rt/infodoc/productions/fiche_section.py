"""The fiches expériences' section: the series, browsable by theme, territory and year."""

from collections import Counter
from urllib.parse import urlencode

from rt.infodoc import _
from rt.infodoc.browser import vocab
from rt.infodoc.productions import facets
from rt.infodoc.productions import numbering
from rt.infodoc.productions.base import ProductionView
from rt.infodoc.productions.fiche_store import fiche_year


class FicheSectionView(ProductionView):
    def update(self):
        form = self.request.form
        self.theme = form.get("theme") if isinstance(form.get("theme"), str) else ""
        self.place = form.get("territoire") if isinstance(form.get("territoire"), str) else ""
        self.year = form.get("annee") if isinstance(form.get("annee"), str) else ""
        themes = vocab.vocabulary_titles(vocab.THEMES, self.context, self.request)
        places = vocab.vocabulary_titles(vocab.TERRITORIES, self.context, self.request)
        fiches = []
        for brain in self.listing(portal_type="FicheExperience", sort_on="sortable_title"):
            obj = brain.getObject()
            number = (obj.fiche_number or "").strip()
            parsed = numbering.parse(number)
            year = parsed[1] if parsed else fiche_year(obj)
            fiches.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "number": number,
                    "order": (-(parsed[1]), -(parsed[0])) if parsed else (1, 0),
                    "year": str(year),
                    "themes": list(obj.themes or []),
                    "territory": list(obj.territory or []),
                    "place_titles": [places.get(t, t) for t in obj.territory or []],
                }
            )
        fiches.sort(key=lambda f: f["order"])
        self.by_theme = self._facet(
            Counter(t for f in fiches for t in f["themes"]), themes, "theme"
        )
        self.by_place = self._facet(
            Counter(t for f in fiches for t in f["territory"]), places, "territoire"
        )
        self.by_year = [
            {"label": y, "count": n, "url": self._url(annee=y), "current": y == self.year}
            for y, n in sorted(Counter(f["year"] for f in fiches).items(), reverse=True)
        ]
        self.fiches = [
            f
            for f in fiches
            if (not self.theme or self.theme in f["themes"])
            and (not self.place or self.place in f["territory"])
            and (not self.year or f["year"] == self.year)
        ]
        label = themes.get(self.theme) or places.get(self.place) or self.year
        self.heading = self.tr(
            _("Fiches expériences : ${label}", mapping={"label": label})
            if label
            else _("Toutes les fiches expériences")
        )

    def _facet(self, counts, titles, param):
        current = self.theme if param == "theme" else self.place
        return [
            {
                "label": label,
                "count": n,
                "url": self._url(**{param: k}),
                "current": k == current,
            }
            for k, label, n in facets.by_label(counts, titles)
        ]

    def _url(self, **params):
        return f"{self.context.absolute_url()}?{urlencode(params)}"

    def filtered(self):
        return bool(self.theme or self.place or self.year)

    def __call__(self):
        self.update()
        return self.index()
