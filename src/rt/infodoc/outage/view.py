"""Exception view: ZEO lost in the middle of a request still gets the French page."""

from rt.infodoc.outage.page import RETRY_AFTER
from rt.infodoc.outage.page import outage_html


class DatabaseUnreachableView:
    def __init__(self, context, request):
        self.context, self.request = context, request

    def __call__(self):
        response = self.request.response
        response.setStatus(503)
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        response.setHeader("Retry-After", RETRY_AFTER)
        response.setHeader("Cache-Control", "no-store")
        return outage_html()
