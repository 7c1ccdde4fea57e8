"""ZEO stopped under a running Zope: every page answers in French within 5 seconds.

Real parts: a ZEO server, a Zope started with runwsgi from the instance's own
configuration (the pipeline with the outage filter), requests over HTTP.
"""

import os
import time

import pytest
import requests
from live_servers import Zeo
from live_servers import free_port as _free_port
from live_servers import listening as _listening
from live_servers import serve as _serve

PAGES = [
    "Plone",
    "Plone/recherche?q=illettrisme",
    "Plone/@recherche?q=illettrisme",
    "Plone/oai?verb=Identify",
    "Plone/fonds",
]


@pytest.fixture(scope="module")
def zope(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    zeo = Zeo(var, _free_port())
    zeo.render_instance()
    zeo.start()
    port = _free_port()
    process = None
    try:
        zeo.create_site("--no-demo")
        process = _serve(zeo, port)
        _listening(port, process)
        yield zeo, f"http://127.0.0.1:{port}"
    finally:
        if process is not None:
            os.killpg(process.pid, 15)
            process.wait(timeout=60)
        zeo.stop()


def _get(url):
    started = time.monotonic()
    accept = "application/json" if "/@recherche" in url else "text/html"
    response = requests.get(url, timeout=30, headers={"Accept": accept})
    return response, time.monotonic() - started


def test_zeo_down_answers_in_french_within_five_seconds_then_recovers(zope):
    zeo, base = zope
    for path in PAGES:
        assert _get(f"{base}/{path}")[0].status_code == 200, path

    zeo.stop()
    try:
        for path in PAGES:
            response, elapsed = _get(f"{base}/{path}")
            assert elapsed < 5, (path, elapsed)
            assert response.status_code == 503, (path, response.status_code)
            assert "momentanément indisponible" in response.text
            assert "Ce qui fonctionne encore" in response.text
            assert response.headers["Retry-After"].isdigit()
            assert "Traceback" not in response.text
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    finally:
        zeo.start()

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # the ZEO client reconnects by itself
        if _get(f"{base}/Plone")[0].status_code == 200:
            break
        time.sleep(0.5)
    assert _get(f"{base}/Plone/recherche?q=illettrisme")[0].status_code == 200
