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
from zope.component import adapter
from zope.interface import implementer

from rt.infodoc.networks.behavior import INetworkSpace
from rt.infodoc.networks.groups import NETWORK_PREFIX
from rt.infodoc.networks.period import is_open

MEMBER_ROLE = "NetworkMember"
CONTRIBUTOR_ROLE = "NetworkContributor"
MANAGER_ROLE = "NetworkManager"


def network_of(obj):
    """The network group id of a space, or None."""
    group_id = getattr(aq_base(obj), "network", None)
    if group_id and group_id.startswith(NETWORK_PREFIX):
        return group_id
    return None


def space_roles(obj, today=None):
    """{group id: roles} given by the space `obj`."""
    group_id = network_of(obj)
    if group_id is None:
        return {}
    base = aq_base(obj)
    today = today or datetime.date.today()
    if is_open(getattr(base, "open_start", None), getattr(base, "open_end", None), today):
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
