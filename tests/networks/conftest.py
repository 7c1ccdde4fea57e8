"""Two private network spaces, a public dossier, and the people who read them.

``build`` works on any layer's portal: the catalog site (``functional``) and the
Solr site (``solr_functional``) get the same content. Readers:

- ``alice``: member of network A (sees space A, never space B);
- ``bruno``: member of network B;
- ``paul``: a plain member; ``adele``: a member with the old site-wide role
  Adhérent (which no longer opens any network space); anonymous;
- ``manon``: manages network A (local role on space A), not a member of it.
"""

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

PASSWORD = "secret-123456"
JSON = {"Accept": "application/json"}

SPACE_A = "Espace confidentiel Alpha"
DOC_A = "Compte rendu confidentiel Alpha"
SPACE_B = "Espace confidentiel Bravo"
DOC_B = "Compte rendu confidentiel Bravo"
PUBLIC = "Dossier confidentiel public Charlie"

USERS = {
    "alice": {"fullname": "Alice Martin", "groups": ["reseau-a"], "roles": ["Member"]},
    "bruno": {"fullname": "Bruno Petit", "groups": ["reseau-b"], "roles": ["Member"]},
    "paul": {"fullname": "Paul Durand", "groups": [], "roles": ["Member"]},
    "adele": {"fullname": "Adèle Roux", "groups": [], "roles": ["Member", "Adherent"]},
    "manon": {"fullname": "Manon Leroy", "groups": [], "roles": ["Member"]},
}
# who must never see network A's content (None: anonymous)
OUTSIDERS = (None, "paul", "adele", "bruno")


def _space(portal, space_id, title, group_id, doc_id, doc_title):
    space = api.content.create(
        container=portal["dossiers"],
        type="DossierThematique",
        id=space_id,
        title=title,
        description=f"{title} : documents de travail du réseau.",
        themes=["savoirs-de-base"],
        network=group_id,
    )
    api.content.transition(obj=space, to_state="network")
    doc = api.content.create(
        container=space,
        type="Document",
        id=doc_id,
        title=doc_title,
        description=f"{doc_title}, réunion du réseau.",
    )
    assert api.content.get_state(doc) == "network"  # reserved on creation
    return space


def build(portal):
    """The groups, accounts and content; committed."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    api.group.create(groupname="reseau-a", title="Réseau Alpha des coordonnateurs")
    api.group.create(groupname="reseau-b", title="Réseau Bravo des adultes-relais")
    for login, info in USERS.items():
        api.user.create(
            email=f"{login}@example.org",
            username=login,
            password=PASSWORD,
            properties={"fullname": info["fullname"]},
        )
        api.user.grant_roles(username=login, roles=info["roles"])
        for group in info["groups"]:
            api.group.add_user(groupname=group, username=login)
    space_a = _space(portal, "espace-a", SPACE_A, "reseau-a", "compte-rendu-a", DOC_A)
    space_b = _space(portal, "espace-b", SPACE_B, "reseau-b", "compte-rendu-b", DOC_B)
    api.user.grant_roles(username="manon", obj=space_a, roles=["NetworkManager"])
    public = api.content.create(
        container=portal["dossiers"],
        type="DossierThematique",
        id="public",
        title=PUBLIC,
        themes=["savoirs-de-base"],
    )
    api.content.transition(obj=public, to_state="published")
    transaction.commit()
    return {"a": space_a, "b": space_b, "public": public}


def base_url(layer):
    return f"http://{layer['host']}:{layer['port']}/plone"


def get(url, user=None, json=False, **kw):
    auth = (user, PASSWORD) if user else None
    headers = JSON if json else {}
    return requests.get(url, auth=auth, headers=headers, timeout=60, allow_redirects=False, **kw)


def unescaped(text):
    return (
        text.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("\\u00e9", "é")
    )


@pytest.fixture()
def networks(functional):
    portal = functional["portal"]
    spaces = build(portal)
    return {"portal": portal, "base": base_url(functional), **spaces}
