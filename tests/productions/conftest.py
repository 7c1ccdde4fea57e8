"""The demo content of the two activity reports in the functional site, committed:
the productions' pages are read over HTTP as an anonymous reader would."""

import http.server
import threading

import pytest
import transaction
from live_sites import french_site
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.demo.loader import load_demo_content


def build_demo(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    load_demo_content()
    transaction.commit()


@pytest.fixture()
def demo(functional):
    portal = functional["portal"]
    build_demo(portal)
    return {
        "portal": portal,
        "base": portal.absolute_url(),
        "host": f"http://{functional['host']}:{functional['port']}",
    }


@pytest.fixture()
def as_manager():
    return api.env.adopt_roles(["Manager"])


ARTICLE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Titre du navigateur | La Dépêche</title>
<meta property="og:title" content="Toulouse : les adultes-relais se forment à la médiation">
<meta property="og:site_name" content="La Dépêche du Midi">
<meta property="article:published_time" content="2022-02-03T08:15:00+01:00">
<meta name="description" content="Une formation de trois jours pour les adultes-relais.">
</head><body><p>Article</p></body></html>"""

PLAIN = """<html><head><title>Une page sans métadonnées</title>
<meta name="date" content="2011-04-05"></head><body></body></html>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        routes = {
            "/article": ("text/html; charset=utf-8", ARTICLE.encode()),
            "/plain": ("text/html; charset=utf-8", PLAIN.encode()),
            "/doc.pdf": ("application/pdf", b"%PDF-1.4"),
        }
        if self.path == "/lent":
            self.send_response(500)
            self.end_headers()
            return
        if self.path not in routes:
            self.send_error(404)
            return
        ctype, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def press_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
