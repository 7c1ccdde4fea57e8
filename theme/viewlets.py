"""The centre's header and footer: its logo and name, a search box that leads to
the documentary search (/recherche), and a footer with its address, contact,
legal notice and accessibility statement (never "Powered by Plone")."""

from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class _Base(ViewletBase):
    def portal(self):
        return self.portal_state.portal_url()

    def navroot(self):
        return self.portal_state.navigation_root_url()

    def theme_url(self):
        return f"{self.portal()}/++theme++rt.infodoc"


class LogoViewlet(_Base):
    """The logo drawn for the centre (theme/diazo/logo.svg) and its name as text."""

    index = ViewPageTemplateFile("templates/logo.pt")


class SearchBoxViewlet(_Base):
    """The header's search box: the documentary search of /recherche, with its
    suggestions (portal.js), not Plone's generic @@search. It stays empty (the
    search page's own box holds the query), so the page around the results is
    the same for every search (browser/page_shell.py)."""

    index = ViewPageTemplateFile("templates/searchbox.pt")

    def action(self):
        return f"{self.navroot()}/recherche"

    def suggest_url(self):
        return f"{self.navroot()}/@@recherche-suggest"


class FooterViewlet(_Base):
    """Address, contact, legal notice, accessibility statement, site map."""

    index = ViewPageTemplateFile("templates/footer.pt")
