"""The demo content of the two activity reports in the functional site, committed:
the productions' pages are read over HTTP as an anonymous reader would."""

import pytest
import transaction
from live_sites import french_site
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.demo.loader import load_demo_content


def build_demo(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    load_demo_content()
    transaction.commit()


@pytest.fixture()
def demo(functional):
    portal = functional["portal"]
    build_demo(portal)
    return {
        "portal": portal,
        "base": portal.absolute_url(),
        "host": f"http://{functional['host']}:{functional['port']}",
    }


@pytest.fixture()
def as_manager():
    return api.env.adopt_roles(["Manager"])
