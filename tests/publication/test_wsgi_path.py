"""publication/wsgi_path.py: a path that is not UTF-8 gets a French 400, the
others reach Zope untouched."""

from lxml import html

from rt.infodoc.publication.wsgi_path import BadPathFilter
from rt.infodoc.publication.wsgi_path import readable


def _call(path, method="GET"):
    seen, status = [], []

    def app(environ, start_response):
        seen.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"zope"]

    body = b"".join(
        BadPathFilter(app)(
            {"PATH_INFO": path, "REQUEST_METHOD": method}, lambda s, h: status.append((s, dict(h)))
        )
    )
    return seen, status[0], body


def test_utf8_paths_reach_zope():
    for path in ("/Plone/recherche", "/Plone/" + "été".encode().decode("latin-1"), ""):
        assert readable(path)
        assert _call(path)[0] == [path]


def test_other_bytes_get_a_french_400():
    for raw in (b"/Plone/\xe9", b"/Plone/\xc3(", b"/\xed\xa0\x80", b"/\xff"):
        seen, (status, headers), body = _call(raw.decode("latin-1"))
        assert seen == [] and status.startswith("400")
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert "Adresse invalide" in html.fromstring(body).text_content()
    assert _call("/\xe9", method="HEAD")[2] == b""
