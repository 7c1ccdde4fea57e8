"""@@recherche-suggest?q=…: title completions for the search box (JSON)."""

import json

from Products.Five.browser import BrowserView

from rt.infodoc.search.engine import suggest

MAX_PREFIX = 100


class SuggestView(BrowserView):
    def __call__(self):
        prefix = str(self.request.form.get("q", "") or "")[:MAX_PREFIX]
        try:
            limit = min(15, max(1, int(self.request.form.get("limit", 8))))
        except (TypeError, ValueError):
            limit = 8
        titles = suggest(self.context, prefix, limit=limit)
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Cache-Control", "no-store")
        return json.dumps({"q": prefix, "suggestions": titles}, ensure_ascii=False)
