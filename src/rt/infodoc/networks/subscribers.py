"""What follows a change of a network space or of its contents."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api

from rt.infodoc.networks.behavior import INetworkSpace

NETWORK_STATE = "network"


def space_modified(space, event):
    """The network may have changed: the space and its contents are re-indexed
    for who may see them (``allowedRolesAndUsers``, in the catalog and Solr)."""
    space.reindexObjectSecurity()


def content_added(obj, event):
    """What is added to a space in the state "Réservé au réseau" is reserved to
    the network at once: never public, never a draft the network cannot see."""
    if event.object is not obj:
        return
    parent = aq_parent(aq_inner(obj))
    if not INetworkSpace.providedBy(parent):
        return
    if api.content.get_state(obj=parent, default=None) != NETWORK_STATE:
        return
    if api.content.get_state(obj=obj, default=None) in (None, NETWORK_STATE):
        return
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=obj, to_state=NETWORK_STATE)
