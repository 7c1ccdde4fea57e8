"""From the site-wide role Adhérent to one network per private dossier.

Before networks, a private dossier was in the state "Réservé aux adhérents",
open to every holder of the site-wide role Adhérent. Each such dossier becomes a
network space: a group ``reseau-<dossier id>`` is made for it, holding the users
who could read it (the holders of Adhérent, directly or through a group), so no
reader loses a space on the day of the upgrade; the dossier and what it holds in
"Réservé aux adhérents" go to "Réservé au réseau". The site's administrators then
prune each group, or name the network's manager who does.
"""

import logging

from Acquisition import aq_base
from plone import api
from Products.CMFCore.utils import getToolByName

from rt.infodoc.networks.groups import NETWORK_PREFIX
from rt.infodoc.networks.localroles import network_of

logger = logging.getLogger("rt.infodoc.networks")

OLD_STATE = "members"
NEW_STATE = "network"
OLD_ROLE = "Adherent"


def adherent_user_ids(portal):
    """Users holding the site-wide role Adhérent, directly or through a group."""
    acl_users = getToolByName(portal, "acl_users")
    groups_tool = getToolByName(portal, "portal_groups")
    users = set()
    for principal_id, _title in acl_users.portal_role_manager.listAssignedPrincipals(OLD_ROLE):
        if groups_tool.getGroupById(principal_id) is not None:
            users.update(groups_tool.getGroupMembers(principal_id))
        else:
            users.add(principal_id)
    return sorted(users)


def make_network(portal, group_id, title, user_ids=()):
    """The group `group_id` (made if missing) with `user_ids` added to it."""
    group = api.group.get(groupname=group_id)
    if group is None:
        group = api.group.create(groupname=group_id, title=title)
    groups_tool = getToolByName(portal, "portal_groups")
    present = set(groups_tool.getGroupMembers(group_id))
    for user_id in user_ids:
        if user_id not in present:
            groups_tool.addPrincipalToGroup(user_id, group_id)
    return group


def reserve_to_network(space, group_id):
    """`space` belongs to `group_id`; it and its contents move from the old
    "Réservé aux adhérents" to "Réservé au réseau"."""
    space.network = group_id
    with api.env.adopt_roles(["Manager"]):
        for obj in [space, *_contents(space)]:
            if api.content.get_state(obj=obj, default=None) == OLD_STATE:
                api.content.transition(obj=obj, transition="publish_network")
    space.reindexObject()
    space.reindexObjectSecurity()


def _contents(folder):
    for obj in folder.objectValues():
        yield obj
        if getattr(aq_base(obj), "isPrincipiaFolderish", False):
            yield from _contents(obj)


def migrate_members_dossiers(portal):
    """Every dossier still "Réservé aux adhérents" becomes a network space; the
    list of (dossier path, group id, number of members)."""
    catalog = getToolByName(portal, "portal_catalog")
    readers = adherent_user_ids(portal)
    done = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="DossierThematique", review_state=OLD_STATE
    ):
        space = brain._unrestrictedGetObject()
        group_id = network_of(space) or (NETWORK_PREFIX + space.getId())[:60]
        make_network(portal, group_id, f"Réseau de l'espace « {space.Title()} »", readers)
        reserve_to_network(space, group_id)
        done.append(("/".join(space.getPhysicalPath()), group_id, len(readers)))
        logger.info("%s: reserved to the network %s", brain.getPath(), group_id)
    return done
