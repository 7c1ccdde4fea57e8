"""The local roles a network space gives its network's group, computed at access.

``NetworkMember`` (reads the space in the state "Réservé au réseau") always;
``NetworkContributor`` (adds documents) only inside the open period: the space
becomes read-only for its members the day after the period ends, with nothing to
run. Only ``NetworkMember`` carries the View permission, so what the catalog and
Solr index (``allowedRolesAndUsers``: ``user:reseau-…``) never depends on the date.
"""

import datetime

from Acquisition import aq_base
from borg.localrole.interfaces import ILocalRoleProvider
from Products.CMFCore.utils import getToolByName
from zope.component import adapter
from zope.interface import implementer

from rt.infodoc.networks.behavior import INetworkSpace
from rt.infodoc.networks.groups import NETWORK_PREFIX
from rt.infodoc.networks.period import is_open

MEMBER_ROLE = "NetworkMember"
CONTRIBUTOR_ROLE = "NetworkContributor"
MANAGER_ROLE = "NetworkManager"
NETWORK_STATE = "network"


def network_of(obj):
    """The network group id of a space, or None."""
    group_id = getattr(aq_base(obj), "network", None)
    if group_id and group_id.startswith(NETWORK_PREFIX):
        return group_id
    return None


def _reserved(obj):
    """Is `obj` in the state "Réservé au réseau"? (read without a security check:
    this runs inside one)"""
    workflow_tool = getToolByName(obj, "portal_workflow", None)
    if workflow_tool is None:
        return False
    for workflow_id in workflow_tool.getChainFor(obj):
        status = workflow_tool.getStatusOf(workflow_id, obj) or {}
        return status.get("review_state") == NETWORK_STATE
    return False


def space_roles(obj, today=None):
    """{group id: roles} given by the space `obj`; members add documents only to a
    space "Réservé au réseau", inside its open period."""
    group_id = network_of(obj)
    if group_id is None:
        return {}
    base = aq_base(obj)
    today = today or datetime.date.today()
    period = getattr(base, "open_start", None), getattr(base, "open_end", None)
    if is_open(*period, today) and _reserved(obj):
        return {group_id: (MEMBER_ROLE, CONTRIBUTOR_ROLE)}
    return {group_id: (MEMBER_ROLE,)}


@implementer(ILocalRoleProvider)
@adapter(INetworkSpace)
class NetworkSpaceRoles:
    def __init__(self, context):
        self.context = context

    def getRoles(self, principal_id):
        return space_roles(self.context).get(principal_id, ())

    def getAllRoles(self):
        return list(space_roles(self.context).items())
