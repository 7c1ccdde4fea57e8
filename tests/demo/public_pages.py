"""What a reader must never read on a public page of the portal."""

import re
from collections import deque
from urllib.parse import urljoin
from urllib.parse import urlsplit

import requests
from lxml import html

# English labels Plone or an add-on may leave on a French page (whole words, as
# shown or as an attribute a screen reader reads out)
ENGLISH = (
    "Related Items",
    "Related items",
    "Close",
    "Log in",
    "Log out",
    "Search",
    "Search Site",
    "Skip to",
    "Powered",
    "Home",
    "Toggle navigation",
    "breadcrumb",
    "Read More",
    "Previous",
    "Next",
    "Download",
    "Solr Settings",
    "Advanced search",
    "You are here",
    "Site Map",
    "Accessibility",
    "Submit",
    "Cancel",
    "Filed under",
    "Last modified",
    "Published",
    "Share",
    "Contents",
)
RAW = ("Powered by Plone", "\\u00")
BYTES = re.compile(r"(?<![\w&])b['\"][^\s'\"]")  # b'RSS 1.0': bytes shown as text
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "aria-roledescription")
SKIP = re.compile(
    r"/(login|logout|login_form|mail_password_form|require_login|@@|export-|panier-export"
    r"|recherche-(rss|atom)|RSS|rss\.xml|atom\.xml|\+\+)|\.(pdf|mrc|xml|ris|bib|svg|png|jpg|ico)$"
)


def readable(page):
    """The words a reader sees or hears: text outside scripts, and the attributes
    read out by screen readers."""
    for bad in page.xpath("//script|//style|//noscript"):
        bad.getparent().remove(bad)
    parts = [page.text_content()]
    for name in ATTRIBUTES:
        parts.extend(page.xpath(f"//@{name}"))
    parts.extend(page.xpath("//input[@type='submit' or @type='button']/@value"))
    return "\n".join(parts)


def offences(text, raw):
    found = [s for s in RAW if s in raw]
    found += sorted(set(BYTES.findall(text)))
    for label in ENGLISH:
        if re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text):
            found.append(label)
    return found


def crawl(start, limit=80, per_folder=2):
    """{url: [offending strings]} for the public pages reached from ``start`` (links
    of the same site; a few items of each listing)."""
    site = urlsplit(start)
    seen, queue, report = {start}, deque([start]), {}
    children = {}
    while queue and len(report) < limit:
        url = queue.popleft()
        response = requests.get(url, timeout=60)
        if response.status_code != 200 or "html" not in response.headers.get("Content-Type", ""):
            continue
        page = html.fromstring(response.content)
        report[url] = offences(readable(html.fromstring(response.content)), response.text)
        for href in page.xpath("//a/@href"):
            target = urljoin(url, href).split("#")[0]
            parts = urlsplit(target)
            if parts.netloc != site.netloc or not parts.path.startswith(site.path):
                continue
            if SKIP.search(parts.path) or target in seen:
                continue
            parent = parts.path.rsplit("/", 1)[0]
            if parts.query and "recherche" not in parts.path:
                continue
            if parts.query and children.get("?q", 0) >= 4:
                continue
            key = "?q" if parts.query else parent
            if (
                children.get(key, 0) >= per_folder
                and parts.path.count("/") > site.path.count("/") + 1
            ):
                continue
            children[key] = children.get(key, 0) + 1
            seen.add(target)
            queue.append(target)
    return report
