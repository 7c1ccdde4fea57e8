"""The network manager's page: add a member by login or e-mail, remove one.

Read and posted over real HTTP with Plone's CSRF token, like a browser would.
"""

import re

import transaction
from plone import api

from .conftest import SPACE_A
from .conftest import get

PAGE = "dossiers/espace-a/@@membres-du-reseau"


def _session(networks, user):
    import requests

    session = requests.Session()
    session.auth = (user, "secret-123456")
    page = session.get(f"{networks['base']}/{PAGE}", timeout=60)
    return session, page


def _token(html):
    return re.search(r'name="_authenticator" value="([^"]+)"', html).group(1)


def _post(networks, session, page, **data):
    data["_authenticator"] = _token(page.text)
    return session.post(f"{networks['base']}/{PAGE}", data=data, timeout=60)


def _members():
    transaction.begin()
    return sorted(api.group.get(groupname="reseau-a").getGroupMemberIds())


def test_manager_sees_the_members(networks):
    session, page = _session(networks, "manon")
    assert page.status_code == 200
    assert "Réseau Alpha des coordonnateurs" in page.text and "Alice Martin" in page.text
    assert (
        "Gérer les membres du réseau" in get(f"{networks['base']}/dossiers/espace-a", "manon").text
    )
    # the manager of A is no reader of B, nor manager of anything else
    assert get(f"{networks['base']}/dossiers/espace-b", "manon").status_code in (302, 401, 403)


def test_manager_adds_by_login_and_by_email_then_removes(networks):
    session, page = _session(networks, "manon")
    added = _post(networks, session, page, who="paul", **{"form.add": "1"})
    assert added.status_code == 200 and "Paul Durand (paul) est maintenant membre" in added.text
    assert "paul" in _members()
    # Paul now reads the space, with no reindexing
    assert get(f"{networks['base']}/dossiers/espace-a", "paul").status_code == 200

    added = _post(
        networks, session, added, who=" ADELE@example.org ".strip().lower(), **{"form.add": "1"}
    )
    assert "Adèle Roux (adele) est maintenant membre" in added.text
    assert "adele" in _members()

    removed = _post(networks, session, added, member="paul", **{"form.remove": "1"})
    assert "Paul Durand (paul) n'est plus membre du réseau." in removed.text
    assert "paul" not in _members()
    assert get(f"{networks['base']}/dossiers/espace-a", "paul").status_code in (302, 401, 403)


def test_unknown_member_is_a_french_message_and_nothing_saved(networks):
    before = _members()
    session, page = _session(networks, "manon")
    for who in ("personne", "inconnu@example.org", ""):
        answer = _post(networks, session, page, who=who, **{"form.add": "1"})
        assert answer.status_code == 200
        if who:
            assert f"Aucun compte ne correspond à « {who} »" in answer.text
            assert "rien n'a été enregistré" in answer.text
        else:
            assert "Indiquez l'identifiant ou l'adresse électronique" in answer.text
        assert _members() == before
    answer = _post(networks, session, page, member="bruno", **{"form.remove": "1"})
    assert "Ce compte n'est pas membre du réseau : rien n'a été modifié." in answer.text
    assert _members() == before


def test_only_the_manager_manages(networks):
    for user in (None, "alice", "bruno", "paul", "adele"):
        response = get(f"{networks['base']}/{PAGE}", user)
        assert response.status_code in (302, 401, 403), user
        assert "Ajouter au réseau" not in response.text
    # a post without the CSRF token changes nothing
    import requests

    refused = requests.post(
        f"{networks['base']}/{PAGE}",
        data={"who": "paul", "form.add": "1"},
        auth=("manon", "secret-123456"),
        timeout=60,
    )
    assert refused.status_code in (302, 403)
    assert "paul" not in _members()
    assert SPACE_A


def test_the_edit_form_offers_the_networks_and_the_period_in_french(networks):
    import requests
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    form = requests.get(
        f"{networks['base']}/dossiers/espace-a/edit",
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=60,
    )
    assert form.status_code == 200
    for text in (
        "Ouvert aux contributions à partir du",
        "Ouvert aux contributions jusqu'au",
        "Réseau Alpha des coordonnateurs",
        "Réseau Bravo des adultes-relais",
    ):
        assert text in form.text.replace("&#x27;", "'").replace("&#39;", "'"), text
    assert ">adherents<" not in form.text and "Adhérents du réseau" not in form.text
