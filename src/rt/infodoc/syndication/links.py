"""The <link rel="alternate"> feed links of a page (Plone's viewlet, titled in French)."""

from plone.app.layout.links.viewlets import RSSViewlet
from plone.base.interfaces import IPloneSiteRoot
from plone.base.interfaces.syndication import IFeedSettings
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from rt.infodoc.browser.feeds import ATOM_TYPE
from rt.infodoc.browser.feeds import RSS_TYPE

# Plone's feed view names -> (French label, media type)
FEED_LABELS = {
    "atom.xml": ("fil Atom", ATOM_TYPE),
    "rss.xml": ("fil RSS", RSS_TYPE),
    "RSS": ("fil RSS 1.0", RSS_TYPE),
    "itunes.xml": ("fil iTunes", RSS_TYPE),
}


def site_links(portal):
    title = portal.Title()
    url = portal.absolute_url()
    return [
        {"title": f"{title} — nouveautés (fil Atom)", "url": f"{url}/atom.xml", "type": ATOM_TYPE},
        {"title": f"{title} — nouveautés (fil RSS)", "url": f"{url}/rss.xml", "type": RSS_TYPE},
    ]


class FeedLinks(RSSViewlet):
    index = ViewPageTemplateFile("feed_links.pt")

    def getRssLinks(self, obj):
        if IPloneSiteRoot.providedBy(obj):
            return site_links(obj)
        settings = IFeedSettings(obj, None)
        if settings is None:
            return []
        links = []
        for name in settings.feed_types:
            label, media_type = FEED_LABELS.get(name, (None, None))
            if label:
                links.append(
                    {
                        "title": f"{obj.Title()} — {label}",
                        "url": f"{obj.absolute_url()}/{name}",
                        "type": media_type,
                    }
                )
        return links
