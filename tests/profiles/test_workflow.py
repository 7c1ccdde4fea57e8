"""Restricted content never reaches anonymous users, through any channel.

The content is created in a functional site and read over real HTTP: the page,
the folder listing, the catalog search, and plone.restapi (object and @search).
"""

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

JSON = {"Accept": "application/json"}


@pytest.fixture()
def site(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    fonds, dossiers = portal["fonds"], portal["dossiers"]
    public = api.content.create(
        container=fonds, type="Notice", id="ouverte", title="Apprendre à lire aux adultes"
    )
    api.content.transition(obj=public, to_state="published")
    restricted = api.content.create(
        container=fonds,
        type="Notice",
        id="reservee",
        title="Rapport confidentiel sur les adultes-relais",
    )
    api.content.transition(obj=restricted, to_state="members")
    private = api.content.create(
        container=dossiers,
        type="DossierThematique",
        id="reseau",
        title="Espace du réseau des adultes-relais",
    )
    api.content.transition(obj=private, to_state="members")
    for user, roles in (
        ("lecteur", ["Member"]),
        ("adherente", ["Member", "Adherent"]),
        ("doc", ["Member", "Documentaliste"]),
    ):
        api.user.create(email=f"{user}@example.org", username=user, password="secret-123456")
        api.user.grant_roles(username=user, roles=roles)
    transaction.commit()
    base = f"http://{functional['host']}:{functional['port']}/plone"
    return base


def _get(url, auth=None, **kw):
    return requests.get(url, auth=auth, timeout=30, allow_redirects=False, **kw)


def test_anonymous_sees_public_notice_only(site):
    assert _get(f"{site}/fonds/ouverte").status_code == 200
    for path in ("fonds/reservee", "dossiers/reseau"):
        response = _get(f"{site}/{path}")
        assert response.status_code in (302, 401, 403), path
        assert "confidentiel" not in response.text and "réseau des adultes" not in response.text


def test_anonymous_listing_and_search_hide_restricted(site):
    # the fund's folder leads readers to the documentary search (theme/navigation.py)
    assert _get(f"{site}/fonds").headers["Location"].startswith(f"{site}/recherche")
    listing = _get(f"{site}/fonds/listing_view").text
    assert "Apprendre à lire" in listing and "confidentiel" not in listing
    page = _get(f"{site}/recherche", params={"q": "adultes"}).text
    assert "Apprendre à lire" in page and "confidentiel" not in page
    found = _get(f"{site}/@search", headers=JSON, params={"SearchableText": "adultes"}).json()
    titles = [item["title"] for item in found["items"]]
    assert titles == ["Apprendre à lire aux adultes"]


def test_anonymous_rest_object_is_refused(site):
    assert _get(f"{site}/fonds/reservee", headers=JSON).status_code == 401
    assert _get(f"{site}/dossiers/reseau", headers=JSON).status_code == 401
    assert (
        _get(f"{site}/fonds/ouverte", headers=JSON).json()["title"]
        == "Apprendre à lire aux adultes"
    )


@pytest.mark.parametrize(
    "user,sees",
    [("lecteur", False), ("adherente", True), ("doc", True)],
)
def test_members_space_by_role(site, user, sees):
    auth = (user, "secret-123456")
    response = _get(f"{site}/fonds/reservee", auth=auth, headers=JSON)
    assert (response.status_code == 200) is sees
    found = _get(
        f"{site}/@search", auth=auth, headers=JSON, params={"SearchableText": "confidentiel"}
    ).json()
    assert (found["items_total"] == 1) is sees


def test_documentaliste_edits_notice_but_adherent_cannot(site):
    body = {"title": "Rapport confidentiel (révisé)"}
    refused = requests.patch(
        f"{site}/fonds/reservee",
        json=body,
        headers=JSON,
        auth=("adherente", "secret-123456"),
        timeout=30,
    )
    assert refused.status_code == 401
    accepted = requests.patch(
        f"{site}/fonds/reservee", json=body, headers=JSON, auth=("doc", "secret-123456"), timeout=30
    )
    assert accepted.status_code == 204
    check = _get(
        f"{site}/fonds/reservee", headers=JSON, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    )
    assert check.json()["title"] == "Rapport confidentiel (révisé)"
