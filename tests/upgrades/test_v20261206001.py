"""Upgrade 20261122002 -> 20261206001: the security headers' registry records."""

from plone import api

from rt.infodoc.security.settings import DEFAULTS
from rt.infodoc.security.settings import PREFIX
from rt.infodoc.security.settings import PUBLIC_POLICY

PROFILE = "rt.infodoc:default"
KEYS = [f"{PREFIX}.{name}" for name in DEFAULTS]


def test_a_new_site_has_the_records(portal):
    assert api.portal.get_registry_record(f"{PREFIX}.content_security_policy") == PUBLIC_POLICY
    assert api.portal.get_registry_record(f"{PREFIX}.report_only") is False
    assert (
        api.portal.get_registry_record(f"{PREFIX}.referrer_policy")
        == "strict-origin-when-cross-origin"
    )


def test_upgrade_registers_the_records_and_keeps_the_rest(portal, setup_tool):
    registry = api.portal.get_tool("portal_registry")
    for key in KEYS:  # as a site made before this version
        del registry.records[key]
    registry["rt.infodoc.harvest.recipients_group"] = "bibliothecaires"  # an admin's choice
    setup_tool.setLastVersionForProfile(PROFILE, "20261122002")
    steps = setup_tool.listUpgrades(PROFILE)
    assert steps[0]["title"] == "En-têtes de sécurité réglables"

    setup_tool.upgradeProfile(PROFILE, dest="20261206001")

    assert setup_tool.getLastVersionForProfile(PROFILE) == ("20261206001",)
    assert all(key in registry.records for key in KEYS)
    assert registry[f"{PREFIX}.content_security_policy"] == PUBLIC_POLICY
    assert registry["rt.infodoc.harvest.recipients_group"] == "bibliothecaires"

    # run again on a site whose administrator tuned the policy: the value stays
    registry[f"{PREFIX}.content_security_policy"] = "default-src 'self'"
    setup_tool.setLastVersionForProfile(PROFILE, "20261122002")
    setup_tool.upgradeProfile(PROFILE, dest="20261206001")
    assert registry[f"{PREFIX}.content_security_policy"] == "default-src 'self'"
