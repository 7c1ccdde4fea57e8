"""A WSGI filter that answers 503 at once while ZEO is unreachable.

Without it a request waits for the ZEO client (``wait-timeout``) and Zope retries
the request three times after ``ClientDisconnected`` (a transient error), then
renders an error page that itself needs the database. The filter asks the
storage whether it is connected (no network call) before Zope sees the request.
Declared in the instance's pipeline (instance/zope.ini.in):

    [filter:outage]
    use = egg:rt.infodoc#outage
"""

import logging

from rt.infodoc.outage.page import outage_headers
from rt.infodoc.outage.page import outage_html

logger = logging.getLogger("rt.infodoc.outage")


def database_connected():
    """False only when the ZEO client says it has no connection."""
    import Zope2

    db = getattr(Zope2, "DB", None)
    storage = getattr(db, "storage", None)
    is_connected = getattr(storage, "is_connected", None)
    if is_connected is None:  # not started yet, or not a ZEO client
        return True
    return bool(is_connected())


class OutageFilter:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if not database_connected():
            logger.warning("ZEO unreachable: 503 for %s", environ.get("PATH_INFO"))
            body = outage_html()
            start_response("503 Service Unavailable", outage_headers(len(body)))
            return [body] if environ.get("REQUEST_METHOD") != "HEAD" else [b""]
        return self.app(environ, start_response)


def make_filter(global_conf, **local_conf):
    """PasteDeploy's filter factory: returns what wraps the application."""
    return OutageFilter
