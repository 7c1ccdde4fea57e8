"""The legal notice and the French accessibility statement (RGAA 4.1.2), pages of
the site root. The statement's conformity level and audit date are set here, next
to the list of pages the audit covered, and shown in the footer's link text."""

import datetime

from Products.Five.browser import BrowserView
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.french_dates import long_date

CONFORMITY = _("partiellement conforme")
AUDIT_DATE = datetime.date(2026, 12, 6)
RGAA_VERSION = "4.1.2"

# (title, path under the site or None): the pages of the audit's sample, those
# tests/e2e/test_portal_entrance.py checks at both widths
AUDITED_PAGES = (
    (_("Accueil"), ""),
    (_("Résultats d'une recherche, facettes ouvertes"), "/recherche?q=illettrisme"),
    (_("Page d'une notice du fonds, avec ses exemplaires"), None),
    (_("Déclaration d'accessibilité"), "/declaration-accessibilite"),
)


def french_date(day):
    return long_date(day)


class LegalPage(BrowserView):
    def portal_url(self):
        return self.context.absolute_url()

    def conformity(self):
        return translate(CONFORMITY, context=self.request)

    def audit_date(self):
        return french_date(AUDIT_DATE)

    def rgaa_version(self):
        return RGAA_VERSION

    def audited_pages(self):
        base = self.portal_url()
        return [
            {
                "title": translate(title, context=self.request),
                "url": None if path is None else base + path,
            }
            for title, path in AUDITED_PAGES
        ]


class AccessibilityRedirect(BrowserView):
    """Plone's @@accessibility-info (its generic text) leads to the statement."""

    def __call__(self):
        portal = self.context.restrictedTraverse("@@plone_portal_state").portal_url()
        self.request.response.redirect(f"{portal}/declaration-accessibilite", status=301)
        return ""
