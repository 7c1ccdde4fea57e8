"""A small WSGI application around a Provider, and a threaded test server."""

import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler
from wsgiref.simple_server import WSGIServer
from wsgiref.simple_server import make_server

from .request import pairs_for

CONTENT_TYPE = "text/xml; charset=utf-8"


def make_app(provider, base_url=None):
    """WSGI app answering OAI-PMH GET and POST (form-encoded) requests."""

    def app(environ, start_response):
        method = environ.get("REQUEST_METHOD", "GET").upper()
        if method in ("GET", "HEAD", "POST"):
            length = int(environ.get("CONTENT_LENGTH") or 0) if method == "POST" else 0
            body = environ["wsgi.input"].read(length) if length else b""
            pairs = pairs_for(
                method, environ.get("QUERY_STRING", ""), environ.get("CONTENT_TYPE", ""), body
            )
        else:
            start_response(
                "405 Method Not Allowed", [("Allow", "GET, POST"), ("Content-Type", "text/plain")]
            )
            return [b"GET or POST only\n"]
        body = provider.handle(pairs, base_url=base_url)
        start_response(
            "200 OK", [("Content-Type", CONTENT_TYPE), ("Content-Length", str(len(body)))]
        )
        return [] if method == "HEAD" else [body]

    return app


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class BackgroundServer:
    """Serve a WSGI app on 127.0.0.1 from a thread; use as a context manager."""

    def __init__(self, app, host="127.0.0.1", port=0):
        self.httpd = make_server(
            host, port, app, server_class=_ThreadingServer, handler_class=_QuietHandler
        )
        self.host, self.port = self.httpd.server_address[:2]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self):
        return f"http://{self.host}:{self.port}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
