"""Upgrade 20261206021 -> 20261206030: a demo site's MailHost uses the mail catcher."""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

PROFILE = "rt.infodoc:default"
DEMO = "rt.infodoc:demo"


def _mail_settings():
    return tuple(
        api.portal.get_registry_record(f"plone.{name}")
        for name in ("smtp_host", "smtp_port", "email_from_address", "email_from_name")
    )


def _reset(setup_tool, host="localhost", port=25, sender=None):
    registry = getUtility(IRegistry)
    registry["plone.smtp_host"] = host
    registry["plone.smtp_port"] = port
    registry["plone.email_from_address"] = sender
    registry["plone.email_from_name"] = None
    setup_tool.setLastVersionForProfile(PROFILE, "20261206021")


def test_demo_site_gets_the_catcher_and_the_sender(portal, setup_tool, monkeypatch):
    monkeypatch.setenv("RT_INFODOC_SMTP", "127.0.0.1:2626")
    _reset(setup_tool)
    setup_tool.setLastVersionForProfile(DEMO, "1000")
    titles = [step["title"] for step in setup_tool.listUpgrades(PROFILE)]
    assert "Courriel : le site de démonstration utilise le récepteur de courriel local" in titles

    setup_tool.upgradeProfile(PROFILE, dest="20261206030")

    assert _mail_settings() == (
        "127.0.0.1",
        2626,
        "documentation@ressources-territoires.com",
        "Ressources & Territoires",
    )


def test_a_server_somebody_set_is_kept(portal, setup_tool):
    _reset(setup_tool, host="smtp.example.org", port=587, sender="doc@example.org")
    setup_tool.setLastVersionForProfile(DEMO, "1000")
    setup_tool.upgradeProfile(PROFILE, dest="20261206030")
    assert _mail_settings()[:3] == ("smtp.example.org", 587, "doc@example.org")


def test_production_site_is_left_to_its_control_panel(portal, setup_tool):
    _reset(setup_tool)
    setup_tool.setLastVersionForProfile(DEMO, "unknown")
    setup_tool.upgradeProfile(PROFILE, dest="20261206030")
    assert _mail_settings() == ("localhost", 25, None, None)
