"""@@recherche-suggest?q=…: title completions for the search box (JSON)."""

import json

from Products.Five.browser import BrowserView

from rt.infodoc.browser import form_values
from rt.infodoc.search.engine import suggest

MAX_PREFIX = 100


class SuggestView(BrowserView):
    def __call__(self):
        form = self.request.form
        prefix = form_values.text(form, "q")[:MAX_PREFIX]
        limit = form_values.text(form, "limit", "8").strip()
        limit = min(15, max(1, int(limit[:3]))) if limit.isascii() and limit.isdigit() else 8
        titles = suggest(self.context, prefix, limit=limit)
        response = self.request.response
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Cache-Control", "no-store")
        return json.dumps({"q": prefix, "suggestions": titles}, ensure_ascii=False)
