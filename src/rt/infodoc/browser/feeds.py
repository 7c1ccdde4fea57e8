"""Atom 1.0 and RSS 2.0 feeds of any search: @@recherche-atom / @@recherche-rss?<params>.

The feed runs the same `search()` as the page, as the current user (anonymous for a
feed reader), so restricted content never appears in it. Each entry is dated by the
item's own last change (catalogued or edited), never by the time of the request: a
feed reader shows as new only what is new.

The site-wide feeds (the portal's own ``RSS``, ``rss.xml`` and ``atom.xml``, which
Plone's syndication left empty) are the newest acquisitions: the published Notices
catalogued last (index ``cataloguing_date``, as the home page), that the reader may see.
"""

from datetime import UTC
from datetime import datetime
from email.utils import format_datetime
from urllib.parse import urlencode

from lxml import etree
from Products.Five.browser import BrowserView
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.browser.display import number
from rt.infodoc.search.engine import search
from rt.infodoc.search.query import SearchQuery
from rt.infodoc.search.results import ResultItem
from rt.infodoc.search.results import SearchResults

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/elements/1.1/"
FEED_SIZE = 50
ATOM_TYPE = "application/atom+xml"
RSS_TYPE = "application/rss+xml"


def _text(value):
    return (
        etree.tostring(
            etree.fromstring(f"<x>{value}</x>", etree.HTMLParser()),
            method="text",
            encoding="unicode",
        ).strip()
        if value
        else ""
    )


def item_date(item):
    """The item's last change as an aware datetime (UTC), or None."""
    value = (item.modified or "").strip()
    if not value:
        return None
    try:
        date = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return date if date.tzinfo else date.replace(tzinfo=UTC)


def feed_date(items):
    """The newest entry's date (the feed changed when its newest entry did), else now."""
    dates = [d for d in (item_date(item) for item in items) if d is not None]
    return max(dates) if dates else datetime.now(UTC).replace(microsecond=0)


class SearchFeed(BrowserView):
    site_wide = False

    def run(self):
        if self.site_wide:
            return SearchQuery(sort="date", page_size=FEED_SIZE), newest_acquisitions(self.context)
        form = dict(self.request.form)
        form.pop("page", None)
        query = SearchQuery.from_request(form)
        query.sort = query.sort if form.get("sort") else "date"
        query.page_size = FEED_SIZE
        return query, search(self.context, query)

    def title(self, query):
        site = self.context.Title()
        if self.site_wide:
            return f"{site} — nouvelles acquisitions"
        words = query.text or query.title or query.subject or query.author
        return f"{site} — recherche « {words} »" if words else f"{site} — recherche"

    def description(self, total):
        """The channel's description, singular or plural: "1 résultat", "12 résultats",
        "4 591 résultats ; les 50 plus récents" (a message id)."""
        numbers = {"count": number(total), "shown": number(min(FEED_SIZE, total))}
        if self.site_wide:
            if not total:
                return _("Aucune acquisition récente.")
            if total == 1:
                return _("La dernière acquisition du fonds.")
            return _("Les ${count} dernières acquisitions du fonds.", mapping=numbers)
        if not total:
            return _("Aucun résultat.")
        if total == 1:
            return _("1 résultat.")
        if total <= FEED_SIZE:
            return _("${count} résultats.", mapping=numbers)
        return _("${count} résultats ; les ${shown} plus récents.", mapping=numbers)

    def page_url(self, query):
        params = [(k, v) for k, v in query.to_params() if k != "page_size"]
        base = f"{self.context.absolute_url()}/recherche"
        return f"{base}?{urlencode(params)}" if params else base

    def _send(self, content_type, root):
        self.request.response.setHeader("Content-Type", content_type)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


class AtomFeed(SearchFeed):
    def __call__(self):
        query, results = self.run()
        updated = feed_date(results.items)
        feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
        feed.set("{http://www.w3.org/XML/1998/namespace}lang", "fr")
        etree.SubElement(feed, f"{{{ATOM}}}title").text = self.title(query)
        etree.SubElement(feed, f"{{{ATOM}}}id").text = self.request["ACTUAL_URL"] + (
            "?" + self.request["QUERY_STRING"]
            if self.request.get("QUERY_STRING") and not self.site_wide
            else ""
        )
        etree.SubElement(feed, f"{{{ATOM}}}updated").text = updated.isoformat(timespec="seconds")
        etree.SubElement(
            feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=self.page_url(query)
        )
        author = etree.SubElement(feed, f"{{{ATOM}}}author")
        etree.SubElement(author, f"{{{ATOM}}}name").text = self.context.Title()
        for item in results.items:
            entry = etree.SubElement(feed, f"{{{ATOM}}}entry")
            etree.SubElement(entry, f"{{{ATOM}}}title").text = item.title
            etree.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{_uuid(item.uid)}"
            etree.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=item.url)
            etree.SubElement(entry, f"{{{ATOM}}}updated").text = (
                item_date(item) or updated
            ).isoformat(timespec="seconds")
            for name in item.authors:
                person = etree.SubElement(entry, f"{{{ATOM}}}author")
                etree.SubElement(person, f"{{{ATOM}}}name").text = name
            summary = _text(item.snippet) or item.description
            if summary:
                etree.SubElement(entry, f"{{{ATOM}}}summary").text = summary
            if item.document_type_title:
                etree.SubElement(
                    entry,
                    f"{{{ATOM}}}category",
                    term=item.document_type or "",
                    label=item.document_type_title,
                )
        return self._send(f"{ATOM_TYPE}; charset=utf-8", feed)


class RssFeed(SearchFeed):
    def __call__(self):
        query, results = self.run()
        rss = etree.Element("rss", version="2.0", nsmap={"dc": DC})
        channel = etree.SubElement(rss, "channel")
        etree.SubElement(channel, "title").text = self.title(query)
        etree.SubElement(channel, "link").text = self.page_url(query)
        etree.SubElement(channel, "description").text = translate(
            self.description(results.total), context=self.request
        )
        etree.SubElement(channel, "language").text = "fr"
        etree.SubElement(channel, "lastBuildDate").text = format_datetime(feed_date(results.items))
        for item in results.items:
            node = etree.SubElement(channel, "item")
            etree.SubElement(node, "title").text = item.title
            etree.SubElement(node, "link").text = item.url
            etree.SubElement(node, "guid", isPermaLink="false").text = item.uid
            if item_date(item) is not None:
                etree.SubElement(node, "pubDate").text = format_datetime(item_date(item))
            summary = _text(item.snippet) or item.description
            if summary:
                etree.SubElement(node, "description").text = summary
            if item.authors:
                etree.SubElement(node, f"{{{DC}}}creator").text = " ; ".join(item.authors)
            if item.document_type_title:
                etree.SubElement(node, "category").text = item.document_type_title
        return self._send(f"{RSS_TYPE}; charset=utf-8", rss)


class SiteAtomFeed(AtomFeed):
    """<site>/atom.xml: the newest records of the portal (Atom)."""

    site_wide = True


class SiteRssFeed(RssFeed):
    """<site>/rss.xml and <site>/RSS: the newest records of the portal (RSS 2.0)."""

    site_wide = True


def newest_acquisitions(context, size=FEED_SIZE):
    """SearchResults of the published Notices catalogued last (the catalog filters
    what the current user may see)."""
    from plone import api

    brains = api.content.find(
        context=context,
        portal_type="Notice",
        review_state="published",
        sort_on="cataloguing_date",
        sort_order="descending",
        sort_limit=size,
    )[:size]
    items = [
        ResultItem(
            uid=brain.UID,
            url=brain.getURL(),
            title=brain.Title or "",
            portal_type=brain.portal_type,
            authors=list(getattr(brain, "authors", None) or []),
            year=getattr(brain, "year", None),
            description=brain.Description or "",
            modified=_iso(brain.modified),
        )
        for brain in brains
    ]
    return SearchResults(total=len(items), items=items, backend="catalog")


def _iso(date):
    if date is None or not hasattr(date, "toZone"):
        return ""
    return date.toZone("UTC").ISO8601().replace("+00:00", "Z")


def _uuid(uid):
    uid = (uid or "").replace("-", "")
    if len(uid) != 32:
        return uid
    return f"{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:]}"
