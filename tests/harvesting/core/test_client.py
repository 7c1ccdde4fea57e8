"""OAIClient details: Retry-After parsing, base URLs with a query string."""

from datetime import UTC
from datetime import datetime

from rt.infodoc.harvesting.core.client import OAIClient
from rt.infodoc.harvesting.core.client import parse_retry_after


def test_parse_retry_after():
    now = datetime(2024, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Mon, 01 Jan 2024 12:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("Mon, 01 Jan 2024 11:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("bientôt") is None
    assert parse_retry_after(None) is None


def test_base_url_query_is_kept(standin):
    client = OAIClient(standin.url)
    response = client.request("Identify")
    assert response.body.findtext("{http://www.openarchives.org/OAI/2.0/}baseURL") == standin.url
    assert "source_id=3" in response.url and "verb=Identify" in response.url


def test_unreachable_host_fails_after_retries(no_sleep):
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    client = OAIClient(f"http://127.0.0.1:{port}/oai", sleep=no_sleep, max_retries=2, backoff=2)
    try:
        client.request("Identify")
    except Exception as exc:  # noqa: BLE001 - checked below
        assert type(exc).__name__ == "TransportError"
        assert "connexion impossible" in str(exc) and "3 tentatives" in str(exc)
    else:
        raise AssertionError("an unreachable provider must fail")
    assert no_sleep.calls == [2, 4]
