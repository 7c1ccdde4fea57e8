"""Networks are Plone groups (id ``reseau-…``): who belongs, who is added.

Membership lives in the group, not on the dossiers: a member added once sees every
space of the network, and the catalog needs no reindexing (a reader's
``allowedRolesAndUsers`` lists the groups they belong to).
"""

from plone import api
from Products.CMFCore.utils import getToolByName

NETWORK_PREFIX = "reseau-"


def network_groups():
    """The networks, sorted by title."""
    groups = [g for g in api.group.get_groups() if g.getId().startswith(NETWORK_PREFIX)]
    return sorted(groups, key=lambda g: (group_title(g) or "").lower())


def group_title(group):
    return group.getProperty("title") or group.getId()


def network_group(group_id):
    """The network group `group_id`, or None (not a network, or deleted)."""
    if not group_id or not group_id.startswith(NETWORK_PREFIX):
        return None
    return api.group.get(groupname=group_id)


def find_user(portal, text):
    """(user, None) for a login or an e-mail address; (None, reason) otherwise,
    reason being "unknown" or "ambiguous" (one address, several accounts)."""
    text = (text or "").strip()
    if not text:
        return None, "empty"
    user = api.user.get(username=text)
    if user is not None:
        return user, None
    if "@" not in text:
        return None, "unknown"
    acl_users = getToolByName(portal, "acl_users")
    found = {
        info.get("userid") or info.get("id")
        for info in acl_users.searchUsers(email=text, exact_match=True)
    }
    found.discard(None)
    if not found:
        return None, "unknown"
    if len(found) > 1:
        return None, "ambiguous"
    return api.user.get(userid=found.pop()), None


def member_ids(portal, group_id):
    return sorted(getToolByName(portal, "portal_groups").getGroupMembers(group_id))


def members(portal, group_id):
    """[{id, login, fullname, email}] of the network's members, by name."""
    rows = []
    for user_id in member_ids(portal, group_id):
        user = api.user.get(userid=user_id)
        if user is None:  # a group inside the group, or a deleted account
            continue
        rows.append(
            {
                "id": user_id,
                "login": user.getUserName(),
                "fullname": user.getProperty("fullname") or "",
                "email": user.getProperty("email") or "",
            }
        )
    return sorted(rows, key=lambda r: ((r["fullname"] or r["login"]).lower(), r["login"]))


def add_member(portal, group_id, user_id):
    getToolByName(portal, "portal_groups").addPrincipalToGroup(user_id, group_id)


def remove_member(portal, group_id, user_id):
    getToolByName(portal, "portal_groups").removePrincipalFromGroup(user_id, group_id)
