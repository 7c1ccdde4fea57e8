"""The policy: registry records ``rt.infodoc.security.*`` and their defaults.

Two Content-Security-Policies, both measured in Chromium (tests/e2e/test_csp.py
loads the pages and counts the violations):

- ``content_security_policy``: the public portal — every answer to anonymous
  visitors and to readers (members, Adhérents): home page, /recherche, Notices,
  the basket, the login form, feeds, OAI-PMH, the REST API, downloads, error pages.
  ``script-src 'self'``: only the site's own script files run (Plone's bundles and
  ours, loaded with `<script src>`); no inline script, no event attribute, no
  `eval`, no foreign origin. ``style-src`` needs ``'unsafe-inline'``: Plone's
  bundle injects the CSS of its patterns as `<style>` elements (webpack's style
  loader, two on every page, dozens on edit forms) and Plone's social-tags viewlet
  writes `style="display: none"`; CSS cannot run code, and this is the usual
  trade-off. ``img-src data:`` is for the SVG images Bootstrap's CSS embeds
  (select arrows, check marks).
- ``content_security_policy_editing``: the same, for users who hold an editing or
  administration role where they are (Documentaliste, Contributor, Editor, Reviewer,
  Site Administrator, Manager...), with ``script-src 'self' 'unsafe-inline'
  'unsafe-eval'``: Plone's own editing UI needs both (measured, Plone 6.2):
  `'unsafe-eval'` for the underscore templates compiled with `new Function` by
  folder contents, the related-items widget and the event date widgets;
  `'unsafe-inline'` for the inline script and `onclick` handlers of z3c.form's
  ordered-select widget (Collection forms, site, date and language control panels:
  without them the form saves an empty list), the actions and content control
  panels, the resource registry control panel and the whole ZMI. Our own pages
  (@@import-marc, the harvest page, our control panel) need neither.

The other directives are the same in both: nothing from another origin
(``default-src 'self'``), no plugins (``object-src 'none'``), no `<base>` pointing
elsewhere, forms posted to the site only, and the site framed by itself only
(``frame-ancestors 'self'``, as X-Frame-Options: SAMEORIGIN). An administrator
tunes them in the registry (Site Setup > Configuration Registry, prefix
``rt.infodoc.security``), e.g. to allow images from a partner's site; with
``report_only`` the browser reports violations without blocking anything.
"""

import logging
import re

from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface

from rt.infodoc import _

logger = logging.getLogger("rt.infodoc.security")

PREFIX = "rt.infodoc.security"


def _policy(script_src):
    return "\n".join(
        (
            "default-src 'self';",
            f"script-src {script_src};",
            "style-src 'self' 'unsafe-inline';",
            "img-src 'self' data:;",
            "object-src 'none';",
            "base-uri 'self';",
            "form-action 'self';",
            "frame-ancestors 'self'",
        )
    )


PUBLIC_POLICY = _policy("'self'")
EDITING_POLICY = _policy("'self' 'unsafe-inline' 'unsafe-eval'")
DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin"
REFERRER_POLICIES = (
    "no-referrer",
    "no-referrer-when-downgrade",
    "origin",
    "origin-when-cross-origin",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
    "unsafe-url",
)
# Roles that only read: the users who hold no other role get the public policy.
# NetworkMember: reads the spaces of its network (rt.infodoc.networks), locally.
READER_ROLES = frozenset({"Anonymous", "Authenticated", "Member", "Adherent", "NetworkMember"})


class ISecuritySettings(Interface):
    """The security headers put on every answer of the site."""

    content_security_policy = schema.Text(
        title=_("Politique de sécurité du contenu (Content-Security-Policy) du portail"),
        description=_(
            "Envoyée aux visiteurs et aux lecteurs (adhérents). Directives "
            "séparées par des points-virgules ; les retours à la ligne "
            "deviennent des espaces. Vide : pas d'en-tête."
        ),
        required=False,
        default=PUBLIC_POLICY,
    )

    content_security_policy_editing = schema.Text(
        title=_("Politique de sécurité du contenu pour l'édition"),
        description=_(
            "Envoyée aux utilisateurs qui ont un rôle d'édition ou "
            "d'administration (l'interface d'édition de Plone a besoin de "
            "scripts en ligne et d'eval). Vide : pas d'en-tête."
        ),
        required=False,
        default=EDITING_POLICY,
    )

    report_only = schema.Bool(
        title=_("Politique en observation seulement"),
        description=_(
            "Envoie les politiques en Content-Security-Policy-Report-Only : "
            "le navigateur signale ce qu'elles bloqueraient sans le bloquer "
            "(pour essayer une politique modifiée)."
        ),
        required=False,
        default=False,
    )

    referrer_policy = schema.Choice(
        title=_("Politique de référent (Referrer-Policy)"),
        values=REFERRER_POLICIES,
        required=False,
        default=DEFAULT_REFERRER_POLICY,
    )


def normalize_policy(text):
    """One header line from the record: whitespace (newlines included) folded into
    single spaces, empty directives dropped. Text a header cannot carry (control
    characters, non-ASCII): None."""
    if not text:
        return ""
    text = " ".join(text.split())
    if not text.isascii() or re.search(r"[\x00-\x1f\x7f]", text):
        return None
    directives = (part.strip() for part in text.split(";"))
    return "; ".join(part for part in directives if part)


DEFAULTS = {
    "content_security_policy": normalize_policy(PUBLIC_POLICY),
    "content_security_policy_editing": normalize_policy(EDITING_POLICY),
    "report_only": False,
    "referrer_policy": DEFAULT_REFERRER_POLICY,
}
POLICIES = ("content_security_policy", "content_security_policy_editing")
_MISSING = object()


def read_settings():
    """The settings of the current site; the defaults outside a Plone site (the Zope
    root) and for records a site not yet upgraded lacks. A record emptied by the
    administrator (None) sends nothing."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return dict(DEFAULTS)
    settings = {}
    for name, default in DEFAULTS.items():
        value = registry.get(f"{PREFIX}.{name}", _MISSING)
        settings[name] = default if value is _MISSING else value
    for name in POLICIES:
        policy = normalize_policy(settings[name])
        if policy is None:
            logger.warning("%s.%s cannot be sent as a header: the default is sent", PREFIX, name)
            policy = DEFAULTS[name]
        settings[name] = policy
    return settings
