"""The network manager's role in the Sharing tab of a network space."""

from plone.app.workflow.interfaces import ISharingPageRole
from zope.interface import implementer

from rt.infodoc import _
from rt.infodoc.networks.behavior import INetworkSpace


@implementer(ISharingPageRole)
class NetworkManagerRole:
    title = _("Anime le réseau (gère ses membres)")
    required_permission = "cmf.ManagePortal"
    required_interface = INetworkSpace
