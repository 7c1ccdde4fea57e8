"""A site with a Notice and a Conf'At' session, served over HTTP (functional layer),
and a browser-like form client for the edit forms (structured_site.py)."""

import pytest
import transaction
from live_sites import french_site
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from structured_site import AUTHORS
from structured_site import SPEAKERS
from structured_site import FormClient


@pytest.fixture()
def rows_site(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    notice = api.content.create(
        container=portal["fonds"],
        type="Notice",
        id="illettrisme-fabrique",
        title="L'invention de l'illettrisme",
        authors=[dict(a) for a in AUTHORS],
    )
    confat = api.content.create(
        container=portal["conf-at"],
        type="ConfAt",
        id="insecurite-linguistique",
        title="L'insécurité linguistique au travail",
        speakers=[dict(s) for s in SPEAKERS],
    )
    transaction.commit()
    return {
        "base": f"http://{functional['host']}:{functional['port']}/plone",
        "portal": portal,
        "notice": notice,
        "confat": confat,
    }


@pytest.fixture()
def form_client():
    return FormClient()
