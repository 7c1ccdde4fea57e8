"""Form values as text a view can use: no escaped bytes, no lone surrogates.

ZPublisher decodes the query string and form bodies as UTF-8 with the
``surrogateescape`` handler: a byte that is not UTF-8 (``q=%E9t%E9``, what a
form sent as ISO-8859-1 or windows-1252 gives) becomes a lone surrogate, and the
first template, JSON dump or Solr request that encodes the value fails with a
UnicodeEncodeError, an HTTP 500. Such values are decoded again here, once per
request, before traversal reaches a view: each escaped byte is read as
windows-1252 (the superset of ISO-8859-1 browsers use), or as ISO-8859-1 for
the five bytes windows-1252 leaves undefined. Any other lone surrogate (from
an encoding modifier such as ``:unicode_escape``) becomes U+FFFD.

Control characters are left alone: what is acceptable depends on the endpoint
(the OAI-PMH provider must answer badArgument, the search drops them).
"""

import re

from ZPublisher.HTTPRequest import record
from ZPublisher.HTTPRequest import taint

_SURROGATE = re.compile("[\ud800-\udfff]")
_DONE = "_rt_infodoc_form_redecoded"


def _byte_text(match):
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an escaped byte
        byte = bytes([code - 0xDC00])
        try:
            return byte.decode("cp1252")
        except UnicodeDecodeError:
            return byte.decode("latin-1")
    return "\ufffd"


def redecode(value):
    """`value` with escaped bytes decoded and lone surrogates replaced; lists,
    tuples and records (``:record``) are walked, other objects returned as is."""
    if isinstance(value, str):
        return _SURROGATE.sub(_byte_text, value) if _SURROGATE.search(value) else value
    if isinstance(value, list):
        return [redecode(item) for item in value]
    if isinstance(value, tuple):
        return tuple(redecode(item) for item in value)
    if isinstance(value, record):
        for name, item in list(vars(value).items()):
            setattr(value, name, redecode(item))
    return value


def redecode_form(request):
    """Decode the request's form again (done once per request)."""
    if getattr(request, _DONE, False):
        return
    setattr(request, _DONE, True)
    form = getattr(request, "form", None)
    if not form:
        return
    for name, value in list(form.items()):
        form[name] = redecode(value)
    # the tainted copy (what ``request.get`` answers for markup) follows
    request.taintedform = taint(form)


def on_site_traversal(site, event):
    """Before traversal enters the site: pages, REST services and error pages
    (a 404 page shows the search box, which reads the form) see clean text."""
    redecode_form(event.request)


def after_traversal(event):
    """Requests that did not pass through a Plone site."""
    redecode_form(event.request)
