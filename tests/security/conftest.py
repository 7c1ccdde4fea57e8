"""A small published site served over HTTP (the functional layer): two Notices, a
file, and users with each kind of role, to ask every kind of answer for its
security headers."""

import pytest
import transaction
from live_sites import french_site
from live_sites import make_notice
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.namedfile.file import NamedBlobFile

PASSWORD = "secret-Csp-2026"
USERS = {"doc": ["Documentaliste"], "lecteur": ["Adherent"], "gestion": ["Manager"]}


@pytest.fixture()
def live_site(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    lire = make_notice(
        portal["fonds"],
        "apprendre-a-lire",
        "Apprendre à lire aux adultes",
        authors=[{"name": "Martin, Sophie", "role": "Auteur", "kind": "person"}],
        document_type="guide-methodologique",
        year=2012,
        themes=["savoirs-de-base"],
        summary="Un guide contre l'illettrisme.",
    )
    guide = api.content.create(
        container=portal,
        type="File",
        id="guide.pdf",
        title="Guide",
        file=NamedBlobFile(
            b"%PDF-1.4\n% guide\n", filename="guide.pdf", contentType="application/pdf"
        ),
    )
    for username, roles in USERS.items():
        api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD, roles=("Member",)
        )
        api.user.grant_roles(username=username, roles=roles)
    transaction.commit()
    return {
        "base": f"http://{functional['host']}:{functional['port']}/plone",
        "root": f"http://{functional['host']}:{functional['port']}",
        "portal": portal,
        "lire": lire,
        "guide": guide,
    }
