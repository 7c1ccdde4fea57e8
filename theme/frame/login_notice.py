"""On the login page a reader was sent to by a page reserved to members (a
network's private space, a staff page), a word on why and how to get in.

Plone redirected an anonymous reader to a bare login form: nothing said the
page asked for was reserved, nor whom to ask. The viewlet shows only when the
login page was reached with ``came_from`` (Plone's redirect of a reserved page)."""

from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

LOGIN_VIEWS = ("login", "login_form", "require_login")


class ReservedPageNotice(ViewletBase):
    index = ViewPageTemplateFile("templates/reserved_page.pt")

    def available(self):
        return getattr(self.view, "__name__", None) in LOGIN_VIEWS and bool(
            self.request.form.get("came_from")
        )

    def render(self):
        return self.index() if self.available() else ""
