"""Upgrade 20261206030 -> 20261206080: from the site-wide role Adhérent to networks.

The site is put back as it was: the dossier type without the network behavior, a
private dossier "Réservé aux adhérents" with a restricted page, its readers
holding the role Adhérent (one directly, one through the group "adherents").
"""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.upgrades.v20261206080 import BEHAVIOR
from rt.infodoc.upgrades.v20261206080 import network_spaces

PROFILE = "rt.infodoc:default"


def _sees(username, obj):
    with api.env.adopt_user(username=username):
        return api.user.has_permission("View", obj=obj)


def _found(username, title):
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username=username):
        return [b.Title for b in catalog(Title=title)]


def _old_site(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    fti = portal.portal_types.getTypeInfo("DossierThematique")
    fti.manage_changeProperties(behaviors=tuple(b for b in fti.behaviors if b != BEHAVIOR))
    for login in ("adele", "gilles", "paul"):
        api.user.create(email=f"{login}@example.org", username=login, password="secret-123456")
    api.user.grant_roles(username="adele", roles=["Adherent"])
    api.group.add_user(groupname="adherents", username="gilles")  # Adhérent by the group
    space = api.content.create(
        container=portal["dossiers"],
        type="DossierThematique",
        id="adultes-relais",
        title="Professionnalisation des adultes-relais",
    )
    api.content.transition(obj=space, to_state="members")
    page = api.content.create(
        container=space, type="Document", id="forum", title="Forum du 19 mai 2011"
    )
    api.content.transition(obj=page, to_state="members")
    public_page = api.content.create(
        container=space, type="Document", id="programme", title="Programme public"
    )
    api.content.transition(obj=public_page, to_state="published")
    other = api.content.create(
        container=portal["dossiers"], type="DossierThematique", id="ouvert", title="Ouvert"
    )
    api.content.transition(obj=other, to_state="published")
    return space, page, public_page, other


def test_private_dossiers_become_network_spaces_with_the_same_readers(portal, setup_tool):
    space, page, public_page, other = _old_site(portal)
    assert _sees("paul", space) is False and _sees("adele", space) is True
    setup_tool.setLastVersionForProfile(PROFILE, "20261206070")
    titles = [step["title"] for step in setup_tool.listUpgrades(PROFILE)]
    assert "Espaces réservés aux réseaux" in titles

    network_spaces(setup_tool)

    fti = portal.portal_types.getTypeInfo("DossierThematique")
    assert BEHAVIOR in fti.behaviors
    assert space.network == "reseau-adultes-relais"
    group = api.group.get(groupname="reseau-adultes-relais")
    assert group.getProperty("title") == (
        "Réseau de l'espace « Professionnalisation des adultes-relais »"
    )
    assert sorted(group.getGroupMemberIds()) == ["adele", "gilles"]
    assert api.content.get_state(space) == "network"
    assert api.content.get_state(page) == "network"
    assert api.content.get_state(public_page) == "published"  # left as it was
    assert api.content.get_state(other) == "published" and getattr(other, "network", None) is None
    # the same readers; now through the group, not the role
    for login in ("adele", "gilles"):
        assert _sees(login, space) and _sees(login, page)
        assert _found(login, "Forum") == ["Forum du 19 mai 2011"]
    assert not _sees("paul", space) and not _sees("paul", page)
    assert _found("paul", "Forum") == []
    # a holder of Adhérent who joins later does not see the space: the role no
    # longer opens it
    api.user.create(email="nina@example.org", username="nina", password="secret-123456")
    api.user.grant_roles(username="nina", roles=["Adherent"])
    assert not _sees("nina", space) and _found("nina", "Forum") == []


def test_running_it_twice_changes_nothing_more(portal, setup_tool):
    space, page, *_ = _old_site(portal)
    network_spaces(setup_tool)
    api.group.remove_user(groupname="reseau-adultes-relais", username="gilles")  # pruned
    network_spaces(setup_tool)
    assert api.content.get_state(space) == "network"
    group = api.group.get(groupname="reseau-adultes-relais")
    assert group.getGroupMemberIds() == ["adele"]  # not re-added: only "members" dossiers move
