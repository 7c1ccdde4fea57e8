"""The default profile installs, creates the sections and groups, and uninstalls."""

import pytest
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.interfaces import IRtInfodocLayer

PACKAGE = "rt.infodoc"


def test_product_installed(installer):
    assert installer.is_product_installed(PACKAGE)


def test_browserlayer_installed(browser_layers):
    assert IRtInfodocLayer in browser_layers


def test_profile_version(setup_tool):
    """The installed version is the one metadata.xml declares (the newest upgrade)."""
    import re
    from pathlib import Path

    import rt.infodoc

    metadata = Path(rt.infodoc.__file__).parent / "profiles" / "default" / "metadata.xml"
    version = re.search(r"<version>(\d+)</version>", metadata.read_text()).group(1)
    assert setup_tool.getLastVersionForProfile(f"{PACKAGE}:default") == (version,)


@pytest.mark.parametrize(
    "section_id,allowed",
    [
        ("fonds", "Notice"),
        ("fiches-experiences", "FicheExperience"),
        ("conf-at", "ConfAt"),
        ("dossiers", "DossierThematique"),
        ("panoramas", "PanoramaPresse"),
        ("periodiques", "Periodique"),
        ("mallettes", "Mallette"),
    ],
)
def test_sections_are_published_and_constrained(portal, section_id, allowed):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    section = portal[section_id]
    assert api.content.get_state(section) == "published"
    addable = [fti.getId() for fti in section.allowedContentTypes()]
    assert allowed in addable
    assert "Document" not in addable


@pytest.mark.parametrize(
    "group_id,role",
    [("documentalistes", "Documentaliste"), ("adherents", "Adherent"), ("editeurs", "Contributor")],
)
def test_groups_have_their_roles(portal, group_id, role):
    group = api.group.get(groupname=group_id)
    assert group is not None
    assert role in api.group.get_roles(group=group)


def test_controlpanel_listed(controlpanel_actions):
    assert "rt-infodoc-vocabularies" in controlpanel_actions


def test_uninstall_removes_layer(portal, installer):
    from plone.browserlayer import utils

    installer.uninstall_product(PACKAGE)
    assert not installer.is_product_installed(PACKAGE)
    assert IRtInfodocLayer not in utils.registered_layers()
