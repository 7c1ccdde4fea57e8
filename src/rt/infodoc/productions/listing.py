"""The sections of dossiers, panoramas, périodiques and mallettes: their items by theme."""

from collections import Counter
from urllib.parse import urlencode

from rt.infodoc.browser import vocab
from rt.infodoc.productions import facets
from rt.infodoc.productions.base import ProductionView
from rt.infodoc.productions.dates import as_date
from rt.infodoc.productions.dates import long_date

# section id -> (portal type listed, newest first?)
SECTIONS = {
    "dossiers": ("DossierThematique", False),
    "panoramas": ("PanoramaPresse", True),
    "periodiques": ("Periodique", False),
    "mallettes": ("Mallette", False),
}


class SectionListing(ProductionView):
    def update(self):
        portal_type, by_date = SECTIONS.get(self.context.getId(), (None, False))
        form = self.request.form
        self.theme = form.get("theme") if isinstance(form.get("theme"), str) else ""
        titles = vocab.vocabulary_titles(vocab.THEMES, self.context, self.request)
        rows = []
        for brain in self.listing(portal_type=portal_type, sort_on="sortable_title"):
            obj = brain.getObject()
            day = as_date(getattr(obj, "date", None))
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "date": long_date(day),
                    "day": day,
                    "themes": list(getattr(obj, "themes", None) or []),
                }
            )
        if by_date:
            rows.sort(key=lambda r: (r["day"] is not None, r["day"]), reverse=True)
        counts = Counter(t for r in rows for t in r["themes"])
        self.by_theme = [
            {
                "label": label,
                "count": n,
                "url": f"{self.context.absolute_url()}?{urlencode({'theme': k})}",
                "current": k == self.theme,
            }
            for k, label, n in facets.by_label(counts, titles)
        ]
        self.rows = [r for r in rows if not self.theme or self.theme in r["themes"]]
        self.heading = titles.get(self.theme, self.theme) if self.theme else ""

    def __call__(self):
        self.update()
        return self.index()
