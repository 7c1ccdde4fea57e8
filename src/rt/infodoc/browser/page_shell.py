"""Plone's page around a search, rendered once for every anonymous reader.

Profiling ``/recherche`` (py-spy, docs/BENCHMARKS.md) showed 85 % of each request
spent in Plone's main template around the results: viewlets, the navigation
query, portlets, the resource registry. For an anonymous reader all of that is
the same on every search; only the page's head links and its content change.
So the page is rendered once with markers in those two places, split there, and
kept for ``TTL`` seconds; each request then renders only its two parts.

The shell is kept as the reader receives it, after plone.transformchain (the
Diazo theme): a second profile showed the theme's XSLT over the whole page taking
as long as everything else together. A request served in a shell then skips the
transform chain; its two parts are the view's own markup, which the theme's rules
copy unchanged (tests/browser/test_page_shell.py compares with full pages).

The shell is reused only when it cannot differ from a full rendering: an
anonymous GET with no status message waiting (Plone's cookie), no Plone search
text in the header box, no Ajax partial. Its key holds everything it is built
from: the site, the URL the reader used (virtual hosting), the language, and the
catalog counter (navigation tabs). Site settings edited in the control panels
reach anonymous readers within ``TTL``.
"""

import re
import threading
import time
from pathlib import Path

from chameleon import PageTemplateFile
from plone.transformchain.interfaces import DISABLE_TRANSFORM_REQUEST_KEY
from plone.transformchain.interfaces import ITransformer
from Products.CMFCore.utils import getToolByName
from zope.component import queryUtility
from zope.i18n import translate as zope_translate

# Elements, not comments: the theme's rules copy the page's head links (and drop
# its comments), and keep the content area as it is.
MARK_HEAD = '<link rel="rt-shell-head" />'
MARK_CORE = '<span id="rt-shell-core"></span>'
_FOUND_HEAD = re.compile(r'<link rel="rt-shell-head"\s*/?>')
_FOUND_CORE = re.compile(r'<span id="rt-shell-core"\s*(?:/>|>\s*</span>)')
# The page's own title (the words searched, theme/frame/titles.py) in <title> and
# the sharing tags: the shell holds this mark there, each request its title.
MARK_TITLE = "rt-shell-page-title"
TTL = 60.0
MAX_SHELLS = 64

TEMPLATES = Path(__file__).parent / "templates"
PARTS = PageTemplateFile(str(TEMPLATES / "recherche_parts.pt"))
FRAGMENT = PageTemplateFile(str(TEMPLATES / "recherche_fragment.pt"))

_shells = {}
_lock = threading.Lock()


def reusable(request):
    """May this request be served inside a shared shell?"""
    if request.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
        return False
    if request.cookies.get("statusmessages") or request.cookies.get("__ac"):
        return False
    if request.get("HTTP_AUTHORIZATION"):
        return False
    form = request.form
    if "SearchableText" in form or "ajax_load" in form or "ajax_include_head" in form:
        return False
    from AccessControl import getSecurityManager

    user = getSecurityManager().getUser()
    return user is None or user.getUserName() == "Anonymous User"


def shell_key(context, request):
    catalog = getToolByName(context, "portal_catalog")
    return (
        "/".join(context.getPhysicalPath()),
        context.absolute_url(),
        request.get("LANGUAGE", ""),
        catalog.getCounter(),
    )


def split(html):
    """(before head, between head and core, after core), or None if a mark is missing."""
    head = _FOUND_HEAD.search(html)
    core = head and _FOUND_CORE.search(html, head.end())
    if not core:
        return None
    return (html[: head.start()], html[head.end() : core.start()], html[core.end() :])


def retitle(html, title):
    """`html` with the title mark replaced by `title`, escaped as the theme's
    serializer writes it in text and attribute values."""
    for raw, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")):
        title = title.replace(raw, entity)
    return html.replace(MARK_TITLE, title)


def transformed(request, html):
    """`html` through the transform chain (the theme), as Zope would send it."""
    transformer = queryUtility(ITransformer)
    result = None if transformer is None else transformer(request, html, "utf-8")
    if result is None:
        return html
    if isinstance(result, str):
        return result
    if isinstance(result, bytes):
        return result.decode("utf-8")
    return b"".join(result).decode("utf-8")


def skip_transforms(request):
    """This response is already themed: plone.transformchain leaves it alone."""
    request.environ[DISABLE_TRANSFORM_REQUEST_KEY] = True


def get(key, render, request):
    """The themed shell for `key`, rendered by `render()` when missing or too old."""
    now = time.monotonic()
    with _lock:
        entry = _shells.get(key)
    if entry is not None and now - entry[0] < TTL:
        return entry[1]
    parts = split(transformed(request, render()))
    # a shell the theme broke is remembered too (None): no second rendering per request
    with _lock:
        if len(_shells) >= MAX_SHELLS:
            _shells.clear()
        _shells[key] = (now, parts)
    return parts


def forget():
    with _lock:
        _shells.clear()


def render_part(view, part):
    """The view's "head" or "core" part (recherche_parts.pt), by Chameleon alone.

    recherche_parts.pt uses Python expressions only, so Chameleon compiles them
    into the template's code; the same macros also serve Zope's engine inside
    Plone's page (recherche.pt) for everyone who does not get the shell.
    """
    return FRAGMENT(view=view, parts=PARTS, part=part, translate=_translator(view.request))


def _translator(request):
    """Chameleon's translate hook, answering as Zope's engine does in the full page:
    the message ids of recherche_parts.pt (domain rt.infodoc) through zope.i18n, in
    the request's language."""

    def translate(
        msgid, domain=None, mapping=None, context=None, target_language=None, default=None
    ):
        return zope_translate(
            msgid,
            domain=domain,
            mapping=mapping,
            context=request,
            target_language=target_language,
            default=default,
        )

    return translate
