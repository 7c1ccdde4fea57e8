"""The upload page, through real HTTP requests on the test WSGI server."""

import re

import pytest
import requests
import transaction
from plone import api

from .conftest import DATA

PASSWORD = "secret-Doc-2026"


@pytest.fixture()
def base(site, functional):
    api.user.create(email="doc@example.org", username="doc", password=PASSWORD,
                    roles=("Member",))
    api.user.grant_roles(username="doc", roles=["Documentaliste"])
    api.user.create(email="membre@example.org", username="membre", password=PASSWORD)
    transaction.commit()
    return f"http://{functional['host']}:{functional['port']}/plone"


def _token(html):
    return re.search(r'name="_authenticator" value="([^"]+)"', html).group(1)


def test_documentaliste_uploads_a_file_and_sees_the_report(base, site):
    auth = ("doc", PASSWORD)
    page = requests.get(f"{base}/@@import-marc", auth=auth, timeout=60)
    assert page.status_code == 200
    assert "<h1" in page.text and "Importer des notices MARC" in page.text
    assert '<label class="form-label" for="import-fichier">' in page.text
    with open(DATA / "pymarc_bad_records.mrc", "rb") as stream:
        posted = requests.post(
            f"{base}/@@import-marc", auth=auth, timeout=120,
            data={"_authenticator": _token(page.text), "form.submitted": "1"},
            files={"fichier": ("export-cosoter.mrc", stream, "application/marc")},
        )
    assert posted.status_code == 200, posted.text[:500]
    html = posted.text
    assert "Résultat de l'import" in html and "export-cosoter.mrc" in html
    assert re.search(r"rejetées</th>\s*<td>1</td>", html)
    assert "notice sans aucun champ" in html and ">764<" in html
    link = re.search(r'href="([^"]+@@import-marc-rapport\?id=[^"]+)"', html).group(1)
    report = requests.get(link.replace("&amp;", "&"), auth=auth, timeout=30).json()
    assert report["rejected"] == 1 and report["rejections"][0]["position"] == 7
    assert report["created"] >= 1
    transaction.begin()
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) \
        == report["created"]


def test_dry_run_from_the_page_writes_nothing(base, site):
    auth = ("doc", PASSWORD)
    page = requests.get(f"{base}/@@import-marc", auth=auth, timeout=60)
    with open(DATA / "marcjs_bib.mrc", "rb") as stream:
        posted = requests.post(
            f"{base}/@@import-marc", auth=auth, timeout=120,
            data={"_authenticator": _token(page.text), "form.submitted": "1", "dry_run": "1"},
            files={"fichier": ("bib.mrc", stream, "application/marc")},
        )
    assert "Résultat de la simulation" in posted.text
    assert re.search(r"créées</th>\s*<td>6</td>", posted.text)
    transaction.begin()
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) == 0


def test_post_without_token_is_refused(base, site):
    with open(DATA / "marcjs_bib.mrc", "rb") as stream:
        posted = requests.post(
            f"{base}/@@import-marc", auth=("doc", PASSWORD), timeout=60,
            data={"form.submitted": "1"}, files={"fichier": ("bib.mrc", stream)},
        )
    assert posted.status_code == 403
    transaction.begin()
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) == 0


@pytest.mark.parametrize("auth", [None, ("membre", PASSWORD)], ids=["anonyme", "membre"])
def test_anonymous_and_members_are_refused(base, auth):
    page = requests.get(f"{base}/@@import-marc", auth=auth, timeout=60, allow_redirects=False)
    assert page.status_code in (302, 401, 403)
    assert "import-fichier" not in page.text
