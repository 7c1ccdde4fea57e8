"""The security headers on a sample of every kind of answer, over HTTP: pages,
REST API, feeds, OAI-PMH, downloads and exports, static files, errors (400, 401,
404, inside and outside the site) and redirects; the editing policy for users with
an editing role only; the registry records an administrator tunes."""

import pytest
import requests
import transaction
from plone import api

from rt.infodoc.security.settings import DEFAULTS
from rt.infodoc.security.settings import PREFIX

PASSWORD = "secret-Csp-2026"  # the users of conftest.live_site

PUBLIC = DEFAULTS["content_security_policy"]
EDITING = DEFAULTS["content_security_policy_editing"]
HTML = {"Accept": "text/html"}
JSON = {"Accept": "application/json"}


def assert_secured(response, policy=PUBLIC):
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff", response.url
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", response.url
    assert headers["X-Frame-Options"] == "SAMEORIGIN", response.url
    assert headers["Content-Security-Policy"] == policy, response.url
    assert "Content-Security-Policy-Report-Only" not in headers
    # one of each (no second copy from another layer of Plone)
    assert "," not in headers["X-Frame-Options"] and "," not in headers["X-Content-Type-Options"]


def get(url, **kwargs):
    kwargs.setdefault("timeout", 30)
    kwargs.setdefault("allow_redirects", False)
    return requests.get(url, **kwargs)


def test_the_public_policy():
    assert PUBLIC == (
        "default-src 'self'; script-src 'self'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'self'"
    )
    assert "script-src 'self' 'unsafe-inline' 'unsafe-eval';" in EDITING
    assert EDITING.replace(" 'unsafe-inline' 'unsafe-eval';", ";", 1) == PUBLIC


def test_every_kind_of_answer(live_site):
    base, root, lire = live_site["base"], live_site["root"], live_site["lire"]
    notice = lire.absolute_url()
    expected = [
        # (url, headers, status, content type)
        (f"{base}/", HTML, 200, "text/html"),
        (f"{base}/recherche?q=illettrisme", HTML, 200, "text/html"),
        (notice, HTML, 200, "text/html"),
        (f"{base}/login", HTML, 200, "text/html"),
        (f"{base}/@recherche?q=illettrisme", JSON, 200, "application/json"),
        (notice, JSON, 200, "application/json"),
        (f"{base}/@@recherche-rss?q=illettrisme", {}, 200, "application/rss+xml"),
        (f"{base}/@@recherche-atom?q=illettrisme", {}, 200, "application/atom+xml"),
        (f"{base}/oai?verb=Identify", {}, 200, "text/xml"),
        (f"{base}/oai?verb=GetRecord", {}, 200, "text/xml"),  # an OAI error answer
        (f"{notice}/export-ris", {}, 200, "application/x-research-info-systems"),
        (f"{notice}/export-unimarc", {}, 200, "application/marc"),
        (f"{base}/guide.pdf/@@download/file", {}, 200, "application/pdf"),
        # a JavaScript type nosniff accepts (the name depends on the system's mimetypes)
        (
            f"{base}/++resource++rt.infodoc/portal.js",
            {},
            200,
            ("text/javascript", "application/javascript", "application/x-javascript"),
        ),
        (f"{base}/++resource++rt.infodoc/portal.css", {}, 200, "text/css"),
        (f"{base}/nexiste-pas", HTML, 404, "text/html"),
        (f"{base}/nexiste-pas", JSON, 404, "application/json"),
        (f"{root}/nexiste-pas", HTML, 404, "text/html"),  # the Zope root, no registry
        (f"{base}/recherche?b_start:int=abc", HTML, 400, "text/html"),  # before traversal
        (f"{base}/@@panier-export?format=ris", {}, 422, "text/plain"),
        (f"{notice}/edit", HTML, 302, None),  # anonymous: to the login form
        (f"{notice}/@@edit", JSON, 401, "application/json"),
        (f"{base}/logout", HTML, 302, None),
    ]
    for url, headers, status, content_type in expected:
        response = get(url, headers=headers)
        assert response.status_code == status, (url, response.status_code)
        if content_type:
            assert response.headers["Content-Type"].startswith(content_type), url
        assert_secured(response)


def test_a_basket_export_and_a_form_post(live_site):
    base, uid = live_site["base"], live_site["lire"].UID()
    export = get(f"{base}/@@panier-export", params={"format": "bibtex"}, cookies={"rt_panier": uid})
    assert export.status_code == 200
    assert export.headers["Content-Disposition"].startswith("attachment;")
    assert_secured(export)
    added = requests.post(
        f"{base}/panier",
        data={"basket_action": "add", "uid": uid, "came_from": f"{base}/recherche"},
        allow_redirects=False,
        timeout=30,
    )
    assert added.status_code == 302
    assert_secured(added)


@pytest.mark.parametrize(
    "username,policy",
    [
        ("lecteur", PUBLIC),  # an Adhérent reads: the public portal's policy
        ("doc", EDITING),  # a Documentaliste edits the fund
        ("gestion", EDITING),  # a Manager
    ],
)
def test_policy_by_role(live_site, username, policy):
    auth = (username, PASSWORD)
    for url in (f"{live_site['base']}/", live_site["lire"].absolute_url()):
        response = get(url, headers=HTML, auth=auth)
        assert response.status_code == 200
        assert_secured(response, policy)
    # a failed traversal happens before Zope authenticates: the page is anonymous's
    missing = get(f"{live_site['base']}/nexiste-pas", headers=HTML, auth=auth)
    assert missing.status_code == 404
    assert_secured(missing, PUBLIC)


def test_an_editor_in_one_folder_only(live_site):
    """A local role counts where it is held, not elsewhere."""
    api.user.create(email="ed@example.org", username="redac", password=PASSWORD)
    api.user.grant_roles(username="redac", obj=live_site["portal"]["dossiers"], roles=["Editor"])
    transaction.commit()
    auth = ("redac", PASSWORD)
    assert_secured(get(f"{live_site['base']}/dossiers", auth=auth, headers=HTML), EDITING)
    assert_secured(get(live_site["lire"].absolute_url(), auth=auth, headers=HTML), PUBLIC)


def _set(name, value):
    api.portal.get_tool("portal_registry")[f"{PREFIX}.{name}"] = value
    transaction.commit()


def test_the_registry_tunes_the_headers(live_site):
    base = live_site["base"]
    _set(
        "content_security_policy",
        "default-src 'self';\n  img-src 'self' https://images.example.org;\n",
    )
    _set("referrer_policy", "same-origin")
    response = get(f"{base}/", headers=HTML)
    assert response.headers["Content-Security-Policy"] == (
        "default-src 'self'; img-src 'self' https://images.example.org"
    )
    assert response.headers["Referrer-Policy"] == "same-origin"

    _set("report_only", True)
    response = get(f"{base}/nexiste-pas", headers=HTML)
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["Content-Security-Policy-Report-Only"].startswith("default-src")

    _set("report_only", False)
    _set("content_security_policy", "default-src 'self'; img-src 'self' \x07")
    response = get(f"{base}/", headers=HTML)  # not sendable: the default instead
    assert response.headers["Content-Security-Policy"] == PUBLIC

    _set("content_security_policy", None)  # emptied by the administrator: none
    response = get(f"{base}/", headers=HTML)
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_site_without_the_records_sends_the_defaults(live_site):
    registry = api.portal.get_tool("portal_registry")
    for name in DEFAULTS:
        del registry.records[f"{PREFIX}.{name}"]
    transaction.commit()
    assert_secured(get(f"{live_site['base']}/", headers=HTML))
