"""Post-install and uninstall steps of the default profile."""

from plone import api
from plone.base.interfaces import INonInstallable
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from zope.interface import implementer

from rt.infodoc.setuphandlers.structure import GROUPS
from rt.infodoc.setuphandlers.structure import SECTIONS


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["rt.infodoc:uninstall"]


def _ensure_section(portal, section_id, title, description, types):
    folder = portal.get(section_id)
    if folder is None:
        folder = api.content.create(
            container=portal, type="Folder", id=section_id,
            title=title, description=description,
        )
    constraints = ISelectableConstrainTypes(folder)
    constraints.setConstrainTypesMode(ENABLED)
    allowed = list(types) + ["Folder"]
    constraints.setLocallyAllowedTypes(allowed)
    constraints.setImmediatelyAddableTypes(list(types))
    if api.content.get_state(folder) != "published":
        api.content.transition(obj=folder, to_state="published")
    return folder


def _ensure_group(group_id, title, roles):
    group = api.group.get(groupname=group_id)
    if group is None:
        group = api.group.create(groupname=group_id, title=title)
    api.group.grant_roles(groupname=group_id, roles=list(roles))
    return group


def post_install(context):
    """Create the sections of the portal and the groups of the centre."""
    portal = api.portal.get()
    for section_id, title, description, types in SECTIONS:
        _ensure_section(portal, section_id, title, description, types)
    for group_id, title, roles in GROUPS:
        _ensure_group(group_id, title, roles)


def uninstall(context):
    """Content stays (it is the centre's); only registrations are removed."""
