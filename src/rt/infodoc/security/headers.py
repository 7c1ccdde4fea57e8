"""Put the security headers on the response, from ZPublisher's events.

Why publisher events rather than a WSGI middleware: every answer Zope gives goes
through `ZPublisher.WSGIPublisher.transaction_pubevents`, which notifies

- IPubBeforeCommit after the view (and after plone.transformchain, the theme and
  plone.protect) for successful answers and redirects made with
  `response.redirect()`: pages, REST API, feeds, OAI-PMH, downloads, exports;
- IPubBeforeAbort for every failed request, *after* the exception view has written
  the error page into the same response (Plone registers one for every exception:
  404, 400, 401/login redirect, 500) and after `Unauthorized` has been turned into
  its challenge;
- IPubBeforeStreaming when a view writes its answer in pieces (`response.write`).

The subscriber runs inside the site, so it reads the policy from plone.registry
(tunable by an administrator, per site) and it ships with the add-on: it needs no
change to each deployment's WSGI pipeline (instance/zope.ini.in, the wsgi.ini that
buildout writes, the test layers' server), which a middleware would, and a
middleware could not read the registry. The only answers it does not see are the
ones Zope does not make: an exception re-raised to the WSGI server because no
exception view exists (never in a Plone site) or in debug-exceptions mode.

Which policy: the editing one when the user holds, on the object published (or
the site), a role beyond READER_ROLES; the public one otherwise (anonymous
visitors pay one user-name comparison). A header a view has already set (a
stricter policy of its own) is kept.
"""

import logging

from AccessControl import getSecurityManager

from rt.infodoc.security.settings import DEFAULTS
from rt.infodoc.security.settings import READER_ROLES
from rt.infodoc.security.settings import read_settings

logger = logging.getLogger("rt.infodoc.security")


def _frame_options():
    """The value plone.protect gives X-Frame-Options on HTML pages (environment
    variable PLONE_X_FRAME_OPTIONS, SAMEORIGIN by default; empty: none), so that the
    header is the same on every answer."""
    try:
        from plone.protect.auto import X_FRAME_OPTIONS
    except ImportError:  # pragma: no cover - plone.protect is part of Plone
        return "SAMEORIGIN"
    return X_FRAME_OPTIONS


def edits(request):
    """Does the current user hold an editing or administration role where the
    request went (the innermost object traversed)?"""
    user = getSecurityManager().getUser()
    if user is None or user.getUserName() == "Anonymous User":
        return False
    parents = request.get("PARENTS") or ()
    context = parents[0] if parents else None
    try:
        roles = user.getRolesInContext(context) if context is not None else user.getRoles()
    except Exception:  # an odd context (a failing traversal): the global roles
        roles = user.getRoles()
    return bool(set(roles) - READER_ROLES)


def security_headers(settings, editing=False):
    """[(name, value)] for the given settings (see settings.read_settings), with the
    editing policy when `editing`."""
    headers = [("X-Content-Type-Options", "nosniff")]
    if settings["referrer_policy"]:
        headers.append(("Referrer-Policy", settings["referrer_policy"]))
    frame_options = _frame_options()
    if frame_options:
        headers.append(("X-Frame-Options", frame_options))
    policy = settings["content_security_policy_editing" if editing else "content_security_policy"]
    if policy:
        name = (
            "Content-Security-Policy-Report-Only"
            if settings["report_only"]
            else "Content-Security-Policy"
        )
        headers.append((name, policy))
    return headers


def add_security_headers(request, response):
    if response is None:
        return
    try:
        settings = read_settings()
        editing = edits(request)
    except Exception:  # e.g. a conflict while the request fails: never lose the answer
        logger.debug("security settings not readable, defaults sent", exc_info=True)
        settings, editing = dict(DEFAULTS), False
    for name, value in security_headers(settings, editing):
        if not response.getHeader(name):
            response.setHeader(name, value)


def on_success(event):
    """IPubBeforeCommit: answers and redirects."""
    add_security_headers(event.request, getattr(event.request, "response", None))


def on_failure(event):
    """IPubBeforeAbort: error pages (the exception view has already run)."""
    add_security_headers(event.request, getattr(event.request, "response", None))


def on_streaming(event):
    """IPubBeforeStreaming: before the first piece of a streamed answer."""
    from zope.globalrequest import getRequest

    add_security_headers(getRequest() or {}, event.response)
