"""The <link rel="alternate"> feed links of a page (Plone's viewlet, titled in French)."""

from plone.app.layout.links.viewlets import RSSViewlet
from plone.base.interfaces import IPloneSiteRoot
from plone.base.interfaces.syndication import IFeedSettings
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.browser.feeds import ATOM_TYPE
from rt.infodoc.browser.feeds import RSS_TYPE

# Plone's feed view names -> (French label, media type)
FEED_LABELS = {
    "atom.xml": (_("${title} — fil Atom"), ATOM_TYPE),
    "rss.xml": (_("${title} — fil RSS"), RSS_TYPE),
    "RSS": (_("${title} — fil RSS 1.0"), RSS_TYPE),
    "itunes.xml": (_("${title} — fil iTunes"), RSS_TYPE),
}


def site_links(portal, request):
    title = portal.Title()
    url = portal.absolute_url()
    atom = _("${title} — nouvelles acquisitions (fil Atom)", mapping={"title": title})
    rss = _("${title} — nouvelles acquisitions (fil RSS)", mapping={"title": title})
    return [
        {"title": translate(atom, context=request), "url": f"{url}/atom.xml", "type": ATOM_TYPE},
        {"title": translate(rss, context=request), "url": f"{url}/rss.xml", "type": RSS_TYPE},
    ]


class FeedLinks(RSSViewlet):
    index = ViewPageTemplateFile("feed_links.pt")

    def getRssLinks(self, obj):
        if IPloneSiteRoot.providedBy(obj):
            return site_links(obj, self.request)
        settings = IFeedSettings(obj, None)
        if settings is None:
            return []
        links = []
        for name in settings.feed_types:
            label, media_type = FEED_LABELS.get(name, (None, None))
            if label:
                title = _(label, mapping={"title": obj.Title()})
                links.append(
                    {
                        "title": translate(title, context=self.request),
                        "url": f"{obj.absolute_url()}/{name}",
                        "type": media_type,
                    }
                )
        return links
