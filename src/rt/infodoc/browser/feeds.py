"""Atom 1.0 and RSS 2.0 feeds of any search: @@recherche-atom / @@recherche-rss?<params>.

The feed runs the same `search()` as the page, as the current user (anonymous for a
feed reader), so restricted content never appears in it.
"""

from datetime import UTC
from datetime import datetime
from email.utils import format_datetime
from urllib.parse import urlencode

from lxml import etree
from Products.Five.browser import BrowserView

from rt.infodoc.search.engine import search
from rt.infodoc.search.query import SearchQuery

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/elements/1.1/"
FEED_SIZE = 50


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


class SearchFeed(BrowserView):
    def run(self):
        form = dict(self.request.form)
        form.pop("page", None)
        query = SearchQuery.from_request(form)
        query.sort = query.sort if form.get("sort") else "date"
        query.page_size = FEED_SIZE
        return query, search(self.context, query)

    def title(self, query):
        words = query.text or query.title or query.subject or query.author
        site = self.context.Title()
        return f"{site} — recherche « {words} »" if words else f"{site} — recherche"

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
        now = datetime.now(UTC).isoformat(timespec="seconds")
        feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
        feed.set("{http://www.w3.org/XML/1998/namespace}lang", "fr")
        etree.SubElement(feed, f"{{{ATOM}}}title").text = self.title(query)
        etree.SubElement(feed, f"{{{ATOM}}}id").text = self.request["ACTUAL_URL"] + (
            "?" + self.request["QUERY_STRING"] if self.request.get("QUERY_STRING") else ""
        )
        etree.SubElement(feed, f"{{{ATOM}}}updated").text = now
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
            etree.SubElement(entry, f"{{{ATOM}}}updated").text = now
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
        return self._send("application/atom+xml; charset=utf-8", feed)


class RssFeed(SearchFeed):
    def __call__(self):
        query, results = self.run()
        rss = etree.Element("rss", version="2.0", nsmap={"dc": DC})
        channel = etree.SubElement(rss, "channel")
        etree.SubElement(channel, "title").text = self.title(query)
        etree.SubElement(channel, "link").text = self.page_url(query)
        etree.SubElement(
            channel, "description"
        ).text = f"{results.total} résultat(s) ; les {min(FEED_SIZE, results.total)} plus récents."
        etree.SubElement(channel, "language").text = "fr"
        etree.SubElement(channel, "lastBuildDate").text = format_datetime(datetime.now(UTC))
        for item in results.items:
            node = etree.SubElement(channel, "item")
            etree.SubElement(node, "title").text = item.title
            etree.SubElement(node, "link").text = item.url
            etree.SubElement(node, "guid", isPermaLink="false").text = item.uid
            summary = _text(item.snippet) or item.description
            if summary:
                etree.SubElement(node, "description").text = summary
            if item.authors:
                etree.SubElement(node, f"{{{DC}}}creator").text = " ; ".join(item.authors)
            if item.document_type_title:
                etree.SubElement(node, "category").text = item.document_type_title
        return self._send("application/rss+xml; charset=utf-8", rss)


def _uuid(uid):
    uid = (uid or "").replace("-", "")
    if len(uid) != 32:
        return uid
    return f"{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:]}"
