"""Read a press article's title, source and date from its own page; no Zope.

    meta = fetch("https://journal.example/article")   # PressMeta, or PressFetchError

The page's OpenGraph and meta tags are read with lxml (og:title, og:site_name,
article:published_time, the Dublin Core and `date` meta tags, <title>). Only
http(s) pages that answer 200 with HTML are accepted; every failure is one
`PressFetchError` whose message is French and meant for the editor.
"""

import datetime
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import html

TIMEOUT = 10
MAX_BYTES = 2_000_000
USER_AGENT = "rt.infodoc panorama de presse"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "date",
    "pubdate",
    "publish-date",
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _(msgid):
    """Marks a message id of the domain rt.infodoc for extraction (make i18n); the
    page translates it (productions/panorama.py), this module stays free of Zope."""
    return msgid


class PressFetchError(Exception):
    """The URL gave no article; the message is for the editor, in French.

    ``msgid`` and ``mapping`` let the page translate it; str() is the French text."""

    def __init__(self, msgid, **mapping):
        self.msgid, self.mapping = msgid, mapping
        text = msgid
        for name, value in mapping.items():
            text = text.replace("${" + name + "}", str(value))
        super().__init__(text)


@dataclass
class PressMeta:
    url: str
    title: str = ""
    source: str = ""
    date: datetime.date | None = None
    summary: str = ""


def check_url(url):
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PressFetchError(
            _("Adresse invalide : indiquez l'adresse complète de l'article (https://…).")
        )
    return url


def _clean(text):
    return " ".join((text or "").split())


def _date(text):
    match = _ISO.search(text or "")
    if not match:
        return None
    try:
        return datetime.date(*map(int, match.groups()))
    except ValueError:
        return None


def parse(url, content, encoding=None):
    """PressMeta of the HTML `content` (bytes) found at `url`."""
    try:
        parser = html.HTMLParser(encoding=encoding) if encoding else None
        root = html.fromstring(content, parser=parser)
    except (ValueError, TypeError) as exc:
        raise PressFetchError(_("La page à cette adresse n'est pas une page web lisible.")) from exc
    if root is None:
        raise PressFetchError(_("La page à cette adresse est vide."))
    meta = {}
    for tag in root.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if key and key not in meta and tag.get("content"):
            meta[key] = _clean(tag.get("content"))
    for tag in root.iter("time"):
        if tag.get("datetime"):
            meta.setdefault("time", tag.get("datetime"))
    title = meta.get("og:title") or meta.get("twitter:title") or meta.get("dc.title")
    if not title:
        found = root.find(".//title")
        title = _clean(found.text_content()) if found is not None else ""
    source = meta.get("og:site_name") or meta.get("dc.publisher") or meta.get("publisher")
    if not source:
        source = urlsplit(url).hostname or ""
        source = source[4:] if source.startswith("www.") else source
    date = None
    for key in (*_DATE_KEYS, "time"):
        date = _date(meta.get(key))
        if date:
            break
    summary = meta.get("og:description") or meta.get("description") or ""
    return PressMeta(url=url, title=title, source=source, date=date, summary=summary)


def fetch(url, timeout=TIMEOUT):
    """Download `url` and read its metadata (PressMeta); PressFetchError otherwise."""
    url = check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            ctype = response.headers.get_content_type()
            if ctype not in _HTML_TYPES:
                raise PressFetchError(
                    _(
                        "L'adresse ne mène pas à une page web mais à un fichier (${type}) : "
                        "saisissez l'article à la main."
                    ),
                    type=ctype,
                )
            content = response.read(MAX_BYTES)
            encoding = response.headers.get_content_charset()
    except PressFetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise PressFetchError(
            _("Le site a répondu par une erreur (${code}) : vérifiez l'adresse de l'article."),
            code=exc.code,
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        raise PressFetchError(
            _("Le site ne répond pas à cette adresse : vérifiez-la ou réessayez plus tard.")
        ) from exc
    meta = parse(url, content, encoding)
    if not meta.title:
        raise PressFetchError(_("La page ne donne pas de titre : saisissez l'article à la main."))
    return meta
