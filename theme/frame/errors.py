"""The site's error page, in particular "Page introuvable" (404).

Plone's page said "use the links below" with no link below and no search box,
and labelled its contact link "Administration du site". This one gives a search
form (to /recherche), the ways into the site and the contact form under its own
name; Plone's view still sets the status (404) and tries its redirections first."""

from plone.rest.errors import ErrorHandling
from plone.rest.interfaces import IAPIRequest
from Products.CMFPlone.browser.exceptions import ExceptionView

from rt.infodoc import _


class ErrorPage(ExceptionView):
    error_type = None
    canonical_url = None  # an error is no page of the site (theme/frame/titles.py)

    def __call__(self):
        if IAPIRequest.providedBy(self.request):
            # registered for the add-on's layer, this view would hide plone.rest's
            # (JSON errors of the REST API: 401, 404...)
            return ErrorHandling(self.context, self.request)()
        self.error_type = self.context.__class__.__name__
        return super().__call__()

    def not_found(self):
        return self.error_type == "NotFound"

    def page_title(self):
        return _("Page introuvable") if self.not_found() else _("Erreur sur le site")

    def portal_url(self):
        return self.context.restrictedTraverse("@@plone_portal_state").navigation_root_url()
