"""A WSGI filter that answers 400 in French to a path that is not UTF-8.

ZPublisher decodes the request path as strict UTF-8 before any hook of the
publication runs (``/Plone/%E9``, ``/Plone/%C3%28``): the UnicodeDecodeError
escapes to the WSGI server, which answers its own English 500. No subscriber or
exception view can see that request, so the instance pipeline checks the path
first (instance/zope.ini.in):

    [filter:badpath]
    use = egg:rt.infodoc#badpath
"""

from rt.infodoc.publication.bad_form import PAGE
from rt.infodoc.security.headers import security_headers
from rt.infodoc.security.settings import DEFAULTS

MESSAGE = (
    "Adresse invalide : le chemin demandé contient des octets qui ne sont pas "
    "du texte UTF-8. Corrigez l'adresse et réessayez."
)


def readable(path_info):
    """PEP 3333 hands the path as Latin-1 text: True when its bytes are UTF-8."""
    try:
        path_info.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return True


class BadPathFilter:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if readable(environ.get("PATH_INFO") or ""):
            return self.app(environ, start_response)
        body = PAGE.format(message=MESSAGE, home="/").encode("utf-8")
        start_response(
            "400 Bad Request",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
                *security_headers(dict(DEFAULTS)),  # the site's defaults: no site here
            ],
        )
        return [body] if environ.get("REQUEST_METHOD") != "HEAD" else [b""]


def make_filter(global_conf, **local_conf):
    """PasteDeploy's filter factory: returns what wraps the application."""
    return BadPathFilter
