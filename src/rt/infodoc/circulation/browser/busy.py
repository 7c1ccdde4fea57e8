"""A write conflict that outlived Zope's retries: a French 503, never a 500.

Zope retries a request three times on a ZODB ConflictError; when the fourth
attempt still conflicts (many desks writing the same objects at once), the
publisher aborts the transaction (nothing written) and asks for an exception
view named ``index.html``. This one answers "Le service est momentanément
occupé, réessayez" with the status 503 and a ``Retry-After``: JSON for the REST
services (the same shape as the desk's refusals), a small French page for the
desk and every other page. Registered for ConflictError, it is more specific
than plone.rest's view for every Exception.
"""

import json

from plone.rest.interfaces import IAPIRequest
from Products.Five.browser import BrowserView
from ZODB.POSException import ConflictError
from zope.component import adapter
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.interfaces import IRtInfodocLayer

BUSY = _("Le service est momentanément occupé, réessayez.")
TITLE = _("Service momentanément occupé")
AGAIN = _("Réessayer")
RETRY_AFTER = "2"

PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; color: #1d1d1b; background: #fff; }}
main {{ max-width: 40rem; margin: 4rem auto; padding: 0 1.25rem; }}
h1 {{ font-size: 1.6rem; }}
a {{ color: #0b5394; font-weight: 600; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p role="alert">{message}</p>
<p><a href="{again}">{again_label}</a></p>
</main>
</body>
</html>
"""


def _escape(text):
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def wants_json(request):
    accept = request.getHeader("Accept") or ""
    return IAPIRequest.providedBy(request) or accept.startswith("application/json")


@adapter(ConflictError, IRtInfodocLayer)
class BusyView(BrowserView):
    """The answer to a request whose writes kept conflicting (status 503)."""

    def __call__(self):
        request = self.request
        response = request.response
        message = translate(BUSY, context=request)
        response.setHeader("Retry-After", RETRY_AFTER)
        if wants_json(request):
            body = json.dumps(
                {
                    "error": {
                        "type": "ServiceUnavailable",
                        "message": message,
                        "messages": [message],
                        "codes": ["service_busy"],
                        "derogeable": False,
                    }
                },
                ensure_ascii=False,
            )
            response.setHeader("Content-Type", "application/json; charset=utf-8")
        else:
            body = PAGE.format(
                title=_escape(translate(TITLE, context=request)),
                message=_escape(message),
                again=_escape(request.get("ACTUAL_URL") or request.get("URL") or ""),
                again_label=_escape(translate(AGAIN, context=request)),
            )
            response.setHeader("Content-Type", "text/html; charset=utf-8")
        response.setStatus(503, lock=True)
        response.setBody(body, lock=True)
        # no login form on top of this answer (as plone.rest does)
        response._has_challenged = True
        return body
