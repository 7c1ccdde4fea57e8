"""A network space from the inside: contributions in the open period, read-only
after it, the period's form check, the networks offered, a change of network."""

import datetime

import pytest
import transaction
from plone import api
from zope.interface import Invalid

from rt.infodoc.networks.behavior import INetworkSpace

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


def _fresh_roles():
    """Local roles are kept on the request (borg.localrole): the next check is
    another request."""
    from zope.annotation.interfaces import IAnnotations
    from zope.globalrequest import getRequest

    cache = IAnnotations(getRequest())
    for key in [k for k in cache if "borg.localrole" in str(k)]:
        del cache[key]


def _can_add(login, space):
    _fresh_roles()
    with api.env.adopt_user(username=login):
        return api.user.has_permission(
            "plone.app.contenttypes: Add File", obj=space
        ) and api.user.has_permission("Add portal content", obj=space)


def _sees(login, obj):
    with api.env.adopt_user(username=login):
        return api.user.has_permission("View", obj=obj)


def _found(login, text):
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_user(username=login):
        return {b.getId for b in catalog(SearchableText=text)}


def test_members_add_documents_inside_the_open_period_only(networks):
    space = networks["a"]
    assert _can_add("alice", space) and not _can_add("bruno", space)
    assert not _can_add("paul", space) and not _can_add("manon", space)
    for start, end, open_ in (
        (None, TODAY, True),  # the last day included
        (TODAY - 10 * DAY, TODAY - DAY, False),  # ended yesterday: read-only
        (TODAY + DAY, None, False),  # not open yet
    ):
        space.open_start, space.open_end = start, end
        assert _can_add("alice", space) is open_, (start, end)
        assert _sees("alice", space) and _sees("alice", space["compte-rendu-a"])


def test_no_contribution_to_a_space_that_is_not_reserved_to_its_network(networks):
    space = networks["a"]
    api.content.transition(obj=space, to_state="published")
    _fresh_roles()
    assert not _can_add("alice", space)  # a public dossier is the team's
    api.content.transition(obj=space, to_state="network")
    assert _can_add("alice", space)


def test_what_a_member_adds_is_reserved_to_the_network(networks):
    space = networks["a"]
    with api.env.adopt_user(username="alice"):
        note = api.content.create(
            container=space, type="Document", id="note-alice", title="Note d'Alice sur le CLSPD"
        )
    assert api.content.get_state(note) == "network"
    assert _sees("alice", note) and not _sees("bruno", note) and not _sees("paul", note)
    with api.env.adopt_user(username="alice"):  # members add; the team edits
        assert not api.user.has_permission("Modify portal content", obj=note)
    transaction.commit()
    assert _found("alice", "CLSPD") == {"note-alice"}
    assert _found("bruno", "CLSPD") == set() and _found("paul", "CLSPD") == set()


def test_a_closed_space_refuses_a_new_document(networks):
    from zExceptions import Unauthorized

    space = networks["a"]
    space.open_end = TODAY - DAY
    _fresh_roles()
    with api.env.adopt_user(username="alice"), pytest.raises(Unauthorized):
        api.content.create(container=space, type="Document", id="trop-tard", title="Trop tard")
    assert "trop-tard" not in space


def test_an_end_before_the_start_is_refused_in_french(networks):
    space = networks["a"]
    space.open_start, space.open_end = TODAY, TODAY - DAY
    with pytest.raises(Invalid) as refused:
        INetworkSpace.validateInvariants(space)
    assert "La date de fin de la période d'ouverture doit suivre sa date de début." in str(
        refused.value
    )


def test_the_networks_offered_are_the_network_groups(networks):
    from zope.component import getUtility
    from zope.schema.interfaces import IVocabularyFactory

    vocabulary = getUtility(IVocabularyFactory, "rt.infodoc.networks")(networks["a"])
    assert [(t.value, t.title) for t in vocabulary] == [
        ("reseau-a", "Réseau Alpha des coordonnateurs"),
        ("reseau-b", "Réseau Bravo des adultes-relais"),
    ]  # not "adherents", "editeurs"... nor the site's own groups


def test_a_space_given_to_another_network_changes_readers_at_once(networks):
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    space = networks["a"]
    space.network = "reseau-b"
    notify(ObjectModifiedEvent(space))
    transaction.commit()
    assert _found("bruno", "Alpha") == {"espace-a", "compte-rendu-a"}
    assert _found("alice", "Alpha") == set()
    assert not _sees("alice", space) and _sees("bruno", space["compte-rendu-a"])
