"""The "Fonds documentaire" section opens on the documentary search.

The folder holds the whole fund (thousands of Notices): as a listing, 20 titles a
page in no useful order, it is no way into it. Its view (set by the profile's
setup and upgrade 20261206021) sends readers to /recherche; documentalistes
still manage it through its contents page (folder_contents).
"""

from Products.Five.browser import BrowserView

FUND = "fonds"
LAYOUT = "fonds-recherche"


class FundToSearch(BrowserView):
    def __call__(self):
        portal = self.context.restrictedTraverse("@@plone_portal_state").portal_url()
        self.request.response.redirect(f"{portal}/recherche", status=302)
        return ""


def route_fund(portal):
    """Give the fund folder the view that leads to the search (True if changed)."""
    folder = portal.get(FUND)
    if folder is None or folder.getLayout() == LAYOUT:
        return False
    folder.setLayout(LAYOUT)
    return True
