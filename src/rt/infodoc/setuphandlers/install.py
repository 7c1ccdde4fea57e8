"""Post-install and uninstall steps of the default profile."""

from plone import api
from plone.base.interfaces import INonInstallable
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from plone.folder.default import DefaultOrdering
from plone.folder.unordered import UnorderedOrdering
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer

from rt.infodoc.productions.sections import apply as production_sections
from rt.infodoc.setuphandlers.structure import GROUPS
from rt.infodoc.setuphandlers.structure import SECTIONS
from rt.infodoc.setuphandlers.structure import UNORDERED_SECTIONS
from rt.infodoc.theme.navigation import route_fund


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        return ["rt.infodoc:uninstall"]


def _ensure_section(portal, section_id, title, description, types):
    folder = portal.get(section_id)
    if folder is None:
        folder = api.content.create(
            container=portal,
            type="Folder",
            id=section_id,
            title=title,
            description=description,
        )
    constraints = ISelectableConstrainTypes(folder)
    constraints.setConstrainTypesMode(ENABLED)
    allowed = list(types) + ["Folder"]
    constraints.setLocallyAllowedTypes(allowed)
    constraints.setImmediatelyAddableTypes(list(types))
    if api.content.get_state(folder) != "published":
        api.content.transition(obj=folder, to_state="published")
    if section_id in UNORDERED_SECTIONS:
        make_unordered(folder)
    return folder


def make_unordered(folder):
    """Give ``folder`` plone.folder's "unordered" ordering and drop the order the
    default one kept (its annotations); True when it changed anything."""
    if isinstance(folder.getOrdering(), UnorderedOrdering):
        return False
    folder.setOrdering("unordered")
    annotations = IAnnotations(folder)
    for key in (DefaultOrdering.ORDER_KEY, DefaultOrdering.POS_KEY):
        if key in annotations:
            del annotations[key]
    return True


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
    # the portal's entrance (browser/home) and the fund opening on the search
    portal.setLayout("accueil")
    route_fund(portal)
    production_sections(portal)


def uninstall(context):
    """Content stays (it is the centre's); only registrations are removed."""
