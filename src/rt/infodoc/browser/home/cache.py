"""The home page as an anonymous reader gets it, rendered once a minute.

Every anonymous reader sees the same home page: the search box, the theme
counts, the lists of new records, productions, Conf'At' and dossiers. It is
rendered once, themed (the Diazo transform, as page_shell.transformed does for
the search page) and kept for ``TTL`` seconds under the same key as the search
page's shell (browser/page_shell.py: site, URL used, language, catalog counter),
so a record published or withdrawn changes the key at once. Measured on a demo
site of 600 records: 260-340 ms rendered, 25-45 ms served from the copy.
"""

import threading
import time

TTL = 60.0
MAX_PAGES = 16

_pages = {}
_lock = threading.Lock()


def get(key, render):
    """The page kept for ``key``, or ``render()``'s result (kept when it is text)."""
    now = time.monotonic()
    with _lock:
        entry = _pages.get(key)
    if entry is not None and now - entry[0] < TTL:
        return entry[1]
    html = render()
    if isinstance(html, str):
        with _lock:
            if len(_pages) >= MAX_PAGES:
                _pages.clear()
            _pages[key] = (now, html)
    return html


def forget():
    with _lock:
        _pages.clear()
