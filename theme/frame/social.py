"""Plone's sharing tags (OpenGraph, schema.org), fixed for the portal.

Plone's viewlet escaped the title twice (``L&amp;#x27;apprendre``: its title is
escaped for a ``structure`` <title>, then again in an attribute), left a record's
description empty (its abstract is its ``summary``), and showed Plone's logo, not
the centre's (theme/diazo/logo.svg). A view that names itself (titles.py) gives
its own title and address, as in its <title> and canonical link (Plone gave the
site's for every view of the site root)."""

from pathlib import Path

import plone.app.layout.viewlets
from plone.app.layout.viewlets.social import SocialTagsViewlet
from plone.base.interfaces import IPloneSiteRoot
from plone.base.utils import safe_text
from plone.memoize.view import memoize
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getMultiAdapter
from zope.i18n import translate

from rt.infodoc.theme.frame import titles

LOGO = "++theme++rt.infodoc/logo.svg"
PLONE_VIEWLETS = Path(plone.app.layout.viewlets.__file__).parent


class FrameSocialTagsViewlet(SocialTagsViewlet):
    """og:/schema.org tags: the title once escaped (by the template), the page's
    own title, the record's abstract, the centre's logo."""

    @property
    def page_title(self):
        view_title = titles.page_title(self.view)
        if view_title:
            return translate(view_title, context=self.request)
        if IPloneSiteRoot.providedBy(self.context):
            return self.site_title_setting
        context_state = getMultiAdapter((self.context, self.request), name="plone_context_state")
        return safe_text(context_state.object_title())

    @memoize
    def _get_tags(self):
        tags = [dict(tag) for tag in super()._get_tags()]
        summary = titles.crop(
            safe_text(getattr(self.context, "Description", lambda: "")() or "")
            or safe_text(getattr(self.context, "summary", None) or "")
        )
        portal_state = getMultiAdapter((self.context, self.request), name="plone_portal_state")
        logo = f"{portal_state.portal_url()}/{LOGO}"
        plone_logo = None
        own_url = False
        if titles.page_title(self.view):  # a page of its own: its address, as canonical
            own_url = titles.canonical_url(self.view, self.context.absolute_url())
        for tag in tags:
            kind = tag.get("property") or tag.get("itemprop")
            if kind in ("og:description", "description") and not tag.get("content"):
                tag["content"] = summary
            if kind in ("og:url", "url") and own_url is not False:
                tag["content"] = own_url
            if kind in ("og:image", "image") and "plone-logo" in str(tag.get("content")):
                plone_logo = True
                tag["content"] = logo
        if plone_logo:
            for tag in tags:
                if tag.get("property") == "og:image:type":
                    tag["content"] = "image/svg+xml"
        return [tag for tag in tags if tag.get("content") is not None]


class FrameSocialHeadViewlet(FrameSocialTagsViewlet):
    index = ViewPageTemplateFile(str(PLONE_VIEWLETS / "social_tags.pt"))


class FrameSocialBodyViewlet(FrameSocialTagsViewlet):
    index = ViewPageTemplateFile(str(PLONE_VIEWLETS / "social_tags_body.pt"))
