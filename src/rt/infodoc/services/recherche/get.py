"""GET <site>/@recherche?q=...&f.themes=...: the portal search as JSON.

The same parameters as the page <site>/recherche (SearchQuery.from_request), the same
engine, so the results, facets and permissions are those of the page.
`?complete=illet` answers title completions instead. Every search answer carries a
`Server-Timing` header (services/server_timing.py).
"""

import json
from urllib.parse import urlencode

from plone.restapi.services import Service
from plone.restapi.services import _no_content_marker

from rt.infodoc.search.engine import search
from rt.infodoc.search.engine import suggest
from rt.infodoc.search.query import SearchQuery
from rt.infodoc.services import server_timing


def _form(request):
    """Query-string parameters with repeated names as lists."""
    form = {}
    for name, value in request.form.items():
        form[name] = value
    return form


class RechercheGet(Service):
    def render(self):
        """As plone.restapi's, with compact JSON (no indentation, keys in our order)."""
        self.check_permission()
        content = self.reply()
        if content is _no_content_marker:
            return None
        self.request.response.setHeader("Content-Type", self.content_type)
        return json.dumps(content, separators=(",", ":"))

    def reply(self):
        form = _form(self.request)
        base = f"{self.context.absolute_url()}/@recherche"
        if "complete" in form:
            prefix = form["complete"]
            if isinstance(prefix, (list, tuple)):
                prefix = prefix[0] if prefix else ""
            try:
                limit = min(20, max(1, int(form.get("limit", 8))))
            except (TypeError, ValueError):
                limit = 8
            return {
                "@id": f"{base}?{urlencode({'complete': prefix})}",
                "suggestions": suggest(self.context, str(prefix), limit),
            }
        query = SearchQuery.from_request(form)
        results = search(self.context, query)
        server_timing.mark(self.request, solr=results.solr_ms)
        params = query.to_params()
        data = {
            "@id": f"{base}?{urlencode(params)}" if params else base,
            "items_total": results.total,
            "page": query.page,
            "pages": results.pages,
            "page_size": query.page_size,
            "backend": results.backend,
            "degraded_notice": results.degraded_notice,
            "error_notice": results.error_notice,
            "suggestion": results.suggestion,
            "query": params,
            "items": [vars(item) for item in results.items],
            "facets": [
                {
                    "name": facet.name,
                    "title": facet.title,
                    "values": [vars(value) for value in facet.values],
                }
                for facet in results.facets
            ],
        }
        if query.page < results.pages:
            data["next"] = f"{base}?{urlencode(query.with_page(query.page + 1).to_params())}"
        if query.page > 1:
            data["prev"] = f"{base}?{urlencode(query.with_page(query.page - 1).to_params())}"
        return data
