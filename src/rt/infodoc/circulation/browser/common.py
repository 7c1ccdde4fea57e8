"""What the circulation pages share: the desk's site, record titles, dates."""

from plone import api
from plone.protect import CheckAuthenticator
from zope.i18n import translate

from rt.infodoc.circulation import settings
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.texts import status_text
from rt.infodoc.circulation.texts import texts

SITE_COOKIE = "rt_desk_site"


def fmt_date(day):
    return day.strftime("%d/%m/%Y") if day else ""


def fmt_datetime(when):
    return when.strftime("%d/%m/%Y %H:%M") if when else ""


def titles_of(uids):
    """Title and URL of records by UID (one catalog query, unrestricted)."""
    uids = [u for u in set(uids) if u]
    if not uids:
        return {}
    catalog = api.portal.get_tool("portal_catalog")
    return {
        b.UID: {"title": b.Title, "url": b.getURL()}
        for b in catalog.unrestrictedSearchResults(UID=uids)
    }


class CirculationPage:
    """Mixin of the circulation views (they are BrowserViews on the site root)."""

    def check_post(self):
        if self.request.get("REQUEST_METHOD") != "POST":
            return False
        CheckAuthenticator(self.request)
        return True

    def staff_site(self):
        return settings.staff_site()

    def sites(self):
        titles = settings.site_titles()
        return [{"code": c, "title": titles.get(c, c)} for c in settings.site_codes()]

    def site_title(self, code):
        return settings.site_titles().get(code, code)

    def desk_site(self):
        """The relay staff's site, else the site chosen at the desk (cookie)."""
        fixed = self.staff_site()
        if fixed:
            return fixed
        chosen = self.request.form.get("site") or self.request.cookies.get(SITE_COOKIE)
        return chosen if chosen in settings.site_codes() else "toulouse"

    def remember_site(self, site):
        if not self.staff_site():
            self.request.response.setCookie(SITE_COOKIE, site, path="/")

    def category_title(self, code):
        return settings.category_titles().get(code, code)

    def status_title(self, code):
        return status_text(code, self.request)

    def error_texts(self, error):
        return texts(error, self.request)

    def tr(self, msg):
        return translate(msg, context=self.request)


__all__ = ["CirculationError", "CirculationPage", "fmt_date", "titles_of"]
