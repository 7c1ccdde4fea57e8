"""Plone's page around a search, rendered once for every anonymous reader.

Profiling ``/recherche`` (py-spy, docs/BENCHMARKS.md) showed 85 % of each request
spent in Plone's main template around the results: viewlets, the navigation
query, portlets, the resource registry. For an anonymous reader all of that is
the same on every search; only the page's head links and its content change.
So the page is rendered once with markers in those two places, split there, and
kept for ``TTL`` seconds; each request then renders only its two parts.

The shell is reused only when it cannot differ from a full rendering: an
anonymous GET with no status message waiting (Plone's cookie), no Plone search
text in the header box, no Ajax partial. Its key holds everything it is built
from: the site, the URL the reader used (virtual hosting), the language, and the
catalog counter (navigation tabs). Site settings edited in the control panels
reach anonymous readers within ``TTL``.
"""

import threading
import time
from pathlib import Path

from chameleon import PageTemplateFile
from Products.CMFCore.utils import getToolByName

MARK_HEAD = "<!--rt-shell:head-->"
MARK_CORE = "<!--rt-shell:core-->"
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
    head = html.find(MARK_HEAD)
    core = html.find(MARK_CORE, head + 1)
    if head < 0 or core < 0:
        return None
    return (html[:head], html[head + len(MARK_HEAD) : core], html[core + len(MARK_CORE) :])


def get(key, render):
    """The shell for `key`, rendered by `render()` when missing or too old."""
    now = time.monotonic()
    with _lock:
        entry = _shells.get(key)
    if entry is not None and now - entry[0] < TTL:
        return entry[1]
    parts = split(render())
    if parts is None:
        return None
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
    return FRAGMENT(view=view, parts=PARTS, part=part)
