"""HTTP 400, in French, when ZPublisher cannot read the request's parameters.

ZPublisher parses the query string and the form body before traversal. A value
its converters refuse (``page:int=abc``, ``d:date=x``), an encoding modifier
the bytes do not fit (``q:ascii=%E9``) or marshalling suffixes that contradict
each other (``a=1&a.b:record=2``) raise a plain ValueError, DateTime's
SyntaxError, AttributeError... from ``processInputs``, which Plone answers as a server
error (500). It is the client's mistake: this exception view answers 400 with
a French message that does not echo the value.

It also answers the InvalidParameter the site's own checks raise (batching.py),
and the query errors of Plone's search pages (plone_search.py).

The view is registered for those exception classes, so it also sees the same
errors raised by application code; those are handed, untouched, to the
generic exception view (Plone's page, or plone.rest's JSON for API calls).
"""

import html
import json
import sys

from Products.Five.browser import BrowserView
from zope.component import getSiteManager
from zope.interface import Interface
from zope.interface import implementedBy
from zope.interface import providedBy
from ZPublisher.HTTPRequest import HTTPRequest

from rt.infodoc.oaiprovider import unreadable
from rt.infodoc.publication import plone_search
from rt.infodoc.publication.errors import InvalidParameter

MESSAGE = (
    "Requête invalide : un paramètre de l'adresse ou du formulaire n'a pas pu "
    "être lu (valeur d'un type inattendu ou mal encodée). Corrigez l'adresse "
    "et réessayez."
)

PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Requête invalide — Ressources &amp; Territoires</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; color: #1d1d1b; background: #fff; }}
main {{ max-width: 40rem; margin: 3rem auto; padding: 0 1.25rem; line-height: 1.5; }}
h1 {{ font-size: 1.6rem; color: #7a1f3d; }}
a {{ color: #0b5c8e; }}
</style>
</head>
<body>
<main>
<h1>Requête invalide</h1>
<p>{message}</p>
<p><a href="{home}">Retour à l'accueil du portail</a></p>
</main>
</body>
</html>
"""


_PARSER = HTTPRequest.processInputs.__code__


def _home(request):
    """The portal's address if the request got that far, else the server's root."""
    from zope.component.hooks import getSite

    site = getSite()
    try:
        return site.absolute_url() if site is not None else "/"
    except Exception:  # noqa: B902 - an error page must not fail
        return "/"


def raised_while_parsing(exception):
    """True when `exception` comes out of ZPublisher's parsing of the parameters.

    ZPublisher replaces an exception named like a builtin one (DateTime's
    SyntaxError) by a new, traceback-less instance before it looks up this
    view: the original is still the one being handled (sys.exc_info)."""
    tb = exception.__traceback__ or sys.exc_info()[2]
    while tb is not None:
        if tb.tb_frame.f_code is _PARSER:
            return True
        tb = tb.tb_next
    return False


def wants_json(request):
    accept = request.getHeader("Accept", "") or ""
    return "application/json" in accept and "text/html" not in accept


class BadFormView(BrowserView):
    """index.html of the exceptions processInputs may raise."""

    def __call__(self):
        exception = self.context
        if isinstance(exception, InvalidParameter):
            message = str(exception)
        elif raised_while_parsing(exception):
            oai = unreadable.answer(self.request)
            if oai is not None:  # a harvester gets OAI-PMH's badArgument
                return oai
            message = MESSAGE
        elif plone_search.is_query_error(self.request, exception):
            message = plone_search.MESSAGE
        else:
            return self.generic_view()
        response = self.request.response
        # locked: plone.transformchain sets the exception's status again
        response.setStatus(400, lock=True)
        response.setHeader("Cache-Control", "no-store")
        if wants_json(self.request):
            response.setHeader("Content-Type", "application/json; charset=utf-8")
            return json.dumps({"type": "BadRequest", "message": message}, ensure_ascii=False)
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        return PAGE.format(message=html.escape(message), home=html.escape(_home(self.request)))

    def generic_view(self):
        """The view that would have answered without this one (registered for
        Exception)."""
        factory = getSiteManager().adapters.lookup(
            (implementedBy(Exception), providedBy(self.request)), Interface, name="index.html"
        )
        if factory is None:  # pragma: no cover - Plone always has one
            raise self.context
        view = factory(self.context, self.request)
        view.__parent__ = self.__parent__
        return view()
