"""Downloads of one Notice: @@export-ris, -bibtex, -unimarc, -marcxml, -unimarcxml."""

from Products.Five.browser import BrowserView
from zope.i18n import translate

from rt.infodoc.browser.export_formats import FORMATS
from rt.infodoc.browser.export_formats import filename
from rt.infodoc.browser.export_formats import render
from rt.infodoc.browser.notice_data import notice_dict
from rt.infodoc.content.notice_marc import outgoing_of
from rt.infodoc.marc.unimarc_builder import NoticeError


def send_download(request, format_name, body, stem):
    """Set the headers of a file download and return its body."""
    response = request.response
    response.setHeader("Content-Type", FORMATS[format_name].content_type)
    response.setHeader(
        "Content-Disposition", f'attachment; filename="{filename(format_name, stem)}"'
    )
    response.setHeader("Content-Length", str(len(body)))
    response.setHeader("X-Content-Type-Options", "nosniff")
    return body


def send_error(request, message, status=422):
    """A plain-text French error (422: nothing to export; 400: a bad parameter).
    nosniff: the message may quote the parameter, it must never run as HTML."""
    request.response.setStatus(status)
    request.response.setHeader("Content-Type", "text/plain; charset=utf-8")
    request.response.setHeader("X-Content-Type-Options", "nosniff")
    return translate(message, context=request).encode("utf-8")


class NoticeExport(BrowserView):
    format_name = None

    def __call__(self):
        entry = (notice_dict(self.context), self.context.absolute_url(), outgoing_of(self.context))
        try:
            body = render(self.format_name, [entry])
        except (NoticeError, ValueError) as error:
            return send_error(self.request, f"Export impossible : {error}")
        return send_download(self.request, self.format_name, body, self.context.getId())


class RisExport(NoticeExport):
    format_name = "ris"


class BibtexExport(NoticeExport):
    format_name = "bibtex"


class UnimarcExport(NoticeExport):
    format_name = "unimarc"


class MarcxmlExport(NoticeExport):
    format_name = "marcxml"


class UnimarcxmlExport(NoticeExport):
    format_name = "unimarcxml"
