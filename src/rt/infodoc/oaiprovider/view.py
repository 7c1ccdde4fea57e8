"""The ``<site>/oai`` view: OAI-PMH 2.0 over GET and POST, public."""

from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zope.interface import alsoProvides

from rt.infodoc.oaiprovider.engine.request import pairs_for
from rt.infodoc.oaiprovider.provider import PloneProvider
from rt.infodoc.oaiprovider.repository import PloneRepository
from rt.infodoc.oaiprovider.settings import ensure_secret
from rt.infodoc.oaiprovider.settings import read_settings

CONTENT_TYPE = "text/xml; charset=utf-8"


def make_provider(site, base_url=None):
    """A Provider over the site, configured from the registry (what each Zope
    client builds for each request: any of them can continue another's list)."""
    settings = read_settings()
    secret = settings["token_secret"] or ensure_secret()
    repository = PloneRepository(site, base_url=base_url, settings=settings)
    return PloneProvider(
        repository,
        secret=secret,
        page_size=settings["page_size"],
        token_max_age=settings["token_max_age"],
    )


def serve(site, pairs, base_url=None):
    """Answer OAI-PMH argument pairs for the site; returns UTF-8 bytes."""
    provider = make_provider(site, base_url)
    return provider.handle(pairs, base_url=provider.repository.base_url)


class OAIView(BrowserView):
    def _body(self):
        body = self.request.get("BODY")
        if body:
            return body if isinstance(body, bytes) else body.encode("utf-8")
        stdin = getattr(self.request, "stdin", None)
        if stdin is None:
            return b""
        stdin.seek(0)
        return stdin.read()

    def refuse(self, *args, **kw):
        """Answer 405 to the HTTP methods OAI-PMH does not use."""
        response = self.request.response
        response.setStatus(405)
        response.setHeader("Allow", "GET, POST")
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        return "Méthode non prise en charge : utilisez GET ou POST.\n".encode()

    # ZPublisher publishes the view's attribute named after any other method
    PUT = DELETE = PATCH = OPTIONS = PROPFIND = MKCOL = LOCK = UNLOCK = refuse

    def __call__(self):
        request, response = self.request, self.request.response
        method = (request.get("REQUEST_METHOD") or "GET").upper()
        if method not in ("GET", "HEAD", "POST"):
            return self.refuse()
        # Reads may fill the metadata cache (and the secret, once): these
        # writes are the provider's own, not a forged request's.
        alsoProvides(request, IDisableCSRFProtection)
        body = self._body() if method == "POST" else b""
        pairs = pairs_for(
            method, request.get("QUERY_STRING", ""), request.get_header("Content-Type") or "", body
        )
        data = serve(self.context, pairs, base_url=self.context.absolute_url() + "/oai")
        response.setHeader("Content-Type", CONTENT_TYPE)
        response.setHeader("Cache-Control", "no-cache")
        return data
