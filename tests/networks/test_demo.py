"""The demo's networks: their spaces, managers, members, and who reads what."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.demo.loader import load_dossiers
from rt.infodoc.networks.demo import NETWORKS
from rt.infodoc.networks.demo import load_networks_demo


def _sees(login, obj):
    with api.env.adopt_user(username=login):
        return api.user.has_permission("View", obj=obj)


def _can_add(login, obj):
    with api.env.adopt_user(username=login):
        return api.user.has_permission("Add portal content", obj=obj)


def test_the_demo_networks(functional):
    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    load_dossiers(portal)
    load_networks_demo(portal)
    load_networks_demo(portal)  # twice: nothing more
    dossiers = portal["dossiers"]
    clspd = dossiers["reseau-coordonnateurs-clspd"]
    relais = dossiers["professionnalisation-adultes-relais"]
    assert [n["group"] for n in NETWORKS] == ["reseau-clspd", "reseau-adultes-relais"]
    assert api.group.get("reseau-clspd").getProperty("title") == "Réseau des coordonnateurs CLSPD"
    assert api.group.get("reseau-adultes-relais").getGroupMemberIds() == ["mediatrice-albi"]
    for space in (clspd, relais):
        assert api.content.get_state(space) == "network"
        assert all(api.content.get_state(page) == "network" for page in space.objectValues())
    assert _sees("coord-montauban", clspd) and not _sees("coord-montauban", relais)
    assert _sees("mediatrice-albi", relais) and not _sees("mediatrice-albi", clspd)
    assert not _sees("lecteur-demo", clspd) and not _sees("lecteur-demo", relais)
    assert "NetworkManager" in api.user.get_roles(username="animatrice-clspd", obj=clspd)
    assert _can_add("coord-montauban", clspd)  # open until 30 June 2027
    assert not _can_add("mediatrice-albi", relais)  # closed at the end of 2011
    assert api.content.get_state(dossiers["politique-de-la-ville"]) == "published"
