"""Registry settings: defaults, and a token secret generated once at install."""

from plone import api

from rt.infodoc.oaiprovider.settings import ensure_secret
from rt.infodoc.oaiprovider.settings import read_settings


def test_defaults_and_secret_generated_at_install(integration):
    portal = integration["portal"]
    settings = read_settings()
    assert settings["page_size"] == 100
    assert settings["namespace"] == "rt-infodoc"
    assert (
        settings["repository_name"]
        == "Ressources & Territoires — centre de ressources documentaires"
    )
    secret = settings["token_secret"]
    assert len(secret) >= 32
    # re-importing the profile (a reinstall, an upgrade) keeps the secret
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile("profile-rt.infodoc:default", "plone.app.registry")
    assert read_settings()["token_secret"] == secret
    assert ensure_secret() == secret
    assert portal.restrictedTraverse("@@oai") is not None


def test_empty_secret_is_generated_again(integration):
    api.portal.set_registry_record("rt.infodoc.oai.token_secret", "")
    secret = ensure_secret()
    assert len(secret) >= 32
    assert api.portal.get_registry_record("rt.infodoc.oai.token_secret") == secret
