"""The WSGI app over real HTTP on 127.0.0.1: GET, POST, other methods."""

import pytest
import requests
from lxml import etree

from rt.infodoc.oaiprovider.engine.provider import Provider
from rt.infodoc.oaiprovider.engine.wsgi import BackgroundServer
from rt.infodoc.oaiprovider.engine.wsgi import make_app

from .conftest import NS
from .conftest import SECRET
from .conftest import build_repository
from .conftest import error_codes
from .conftest import validated


@pytest.fixture(scope="module")
def server():
    provider = Provider(build_repository(), secret=SECRET, page_size=10)
    with BackgroundServer(make_app(provider)) as srv:
        yield srv


def test_get(server, oai_schema):
    resp = requests.get(server.url + "/oai", params={"verb": "Identify"}, timeout=10)
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/xml; charset=utf-8"
    root = validated(oai_schema, resp.content)
    assert root.findtext("oai:Identify/oai:repositoryName", namespaces=NS) == "Dépôt de test"


def test_post_form_follows_tokens(server, oai_schema):
    data = {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "ville"}
    seen = []
    while True:
        resp = requests.post(server.url + "/oai", data=data, timeout=10)
        root = validated(oai_schema, resp.content)
        seen += [e.text for e in root.iter("{http://www.openarchives.org/OAI/2.0/}identifier")]
        token = root.findtext(".//oai:resumptionToken", namespaces=NS)
        if not token:
            break
        data = {"verb": "ListIdentifiers", "resumptionToken": token}
    assert sorted(int(i[-3:]) for i in seen) == [n for n in range(1, 26) if n % 2 and n % 3]


def test_post_with_other_content_type_is_bad_verb(server, oai_schema):
    resp = requests.post(
        server.url + "/oai",
        data=b'{"verb": "Identify"}',
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert error_codes(validated(oai_schema, resp.content)) == ["badVerb"]


def test_base_url_override_and_other_methods():
    provider = Provider(build_repository(3), secret=SECRET)
    with BackgroundServer(make_app(provider, base_url="https://rt.example/oai")) as srv:
        root = etree.fromstring(
            requests.get(srv.url, params={"verb": "Identify"}, timeout=10).content
        )
        assert root.findtext("oai:request", namespaces=NS) == "https://rt.example/oai"
        assert requests.delete(srv.url, timeout=10).status_code == 405
