"""Plone's title, breadcrumbs, canonical link and main menu viewlets, told about
the view.

Each asks titles.py for the view's own title (or menu entry); when there is
none they do what Plone does. A view that names itself is a page of its own:
its canonical link is its own address, not its context's (the legal notice was
declared a copy of the home page, and Plone's menu script, which marks the entry
of the canonical address, marked « Accueil » on every page of the site root)."""

from html import escape

from plone.app.layout.links.viewlets import CanonicalURL
from plone.app.layout.viewlets.common import GlobalSectionsViewlet
from plone.app.layout.viewlets.common import PathBarViewlet
from plone.app.layout.viewlets.common import TitleViewlet
from plone.base.interfaces import IPloneSiteRoot
from plone.memoize.view import memoize
from zope.i18n import translate

from rt.infodoc.theme.frame import titles


def _translated(viewlet, message):
    return translate(message, context=viewlet.request) if message else None


class FrameTitleViewlet(TitleViewlet):
    """<title>: "Page — Site", the page named by its view when it names itself."""

    @property
    @memoize
    def view_title(self):
        return _translated(self, titles.page_title(self.view))

    @property
    def page_title(self):
        if self.view_title:
            return escape(self.view_title, quote=False)
        return super().page_title

    def update(self):
        super().update()
        if self.view_title and IPloneSiteRoot.providedBy(self.context):
            self.site_title = self.sep.join([self.page_title, self.site_title_setting])


class FramePathBarViewlet(PathBarViewlet):
    """The breadcrumbs end with the page itself when the view names itself."""

    def update(self):
        super().update()
        crumb = _translated(self, titles.crumb_title(self.view))
        if crumb:
            url = self.request.get("ACTUAL_URL") or self.request.getURL()
            self.breadcrumbs = tuple(self.breadcrumbs) + ({"absolute_url": url, "Title": crumb},)


class FrameCanonicalURL(CanonicalURL):
    """The canonical link of a view that names itself: its own address (without
    the query), or none (the error page)."""

    def render(self):
        if not titles.page_title(self.view):
            return super().render()
        url = titles.canonical_url(self.view, self.context.absolute_url())
        return "" if url is None else f'    <link rel="canonical" href="{escape(url)}" />'


class FrameGlobalSectionsViewlet(GlobalSectionsViewlet):
    """The main menu marks the entry a view belongs to (« Fonds documentaire » on
    /recherche): the page is the fund's way in, but not inside its folder. The
    class is "selected" (Barceloneta's style of the current entry), which Plone's
    menu script (pat-navigationmarker) leaves alone: it sets and clears "current"
    and "inPath" by address only."""

    def render_item(self, item, path):
        markup = super().render_item(item, path)
        current = titles.section(self.view)
        if current and item.get("id") == current and path == self.navtree_path:
            markup = markup.replace(' nav-item">', ' nav-item selected">', 1)
            markup = markup.replace("<a ", '<a aria-current="page" ', 1)
        return markup
