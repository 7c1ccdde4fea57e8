"""The production sections' pages and who writes there.

The editors' group ("editeurs") writes the productions and not the fund: it
keeps the global Contributor role (to add productions) and gets Editor and
Reviewer only on the production sections, as local roles.
"""

from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes

SECTION_VIEWS = {
    "fiches-experiences": "fiches-view",
    "conf-at": "confat-section-view",
    "veille": "veille-view",
    "dossiers": "productions-listing",
    "panoramas": "productions-listing",
    "periodiques": "productions-listing",
    "mallettes": "productions-listing",
}
PRODUCTION_SECTIONS = (
    "fiches-experiences",
    "conf-at",
    "dossiers",
    "panoramas",
    "periodiques",
    "mallettes",
    "veille",
)
EDITORS = "editeurs"
EDITOR_LOCAL_ROLES = ("Editor", "Reviewer", "Contributor")
WATCH_BLOG = ("veille", "Veille Information Professionnelle")
WATCH_BLOG_DESCRIPTION = (
    "Les actualités de la cohésion sociale en Occitanie, par thématique et par territoire."
)


def ensure_watch_blog(portal):
    folder = portal.get(WATCH_BLOG[0])
    if folder is None:
        folder = api.content.create(
            container=portal,
            type="Folder",
            id=WATCH_BLOG[0],
            title=WATCH_BLOG[1],
            description=WATCH_BLOG_DESCRIPTION,
        )
        constraints = ISelectableConstrainTypes(folder)
        constraints.setConstrainTypesMode(ENABLED)
        constraints.setLocallyAllowedTypes(["Actualite", "Folder"])
        constraints.setImmediatelyAddableTypes(["Actualite"])
        api.content.transition(obj=folder, to_state="published")
    return folder


def apply(portal):
    """Create the watch blog, set the sections' pages and the editors' roles."""
    ensure_watch_blog(portal)
    for section_id, view in SECTION_VIEWS.items():
        section = portal.get(section_id)
        if section is not None and section.getLayout() != view:
            section.setLayout(view)
    if api.group.get(groupname=EDITORS) is None:
        return
    for section_id in PRODUCTION_SECTIONS:
        section = portal.get(section_id)
        if section is not None:
            section.manage_setLocalRoles(EDITORS, list(EDITOR_LOCAL_ROLES))
            section.reindexObjectSecurity()
    acl = api.portal.get_tool("acl_users")
    roles = set(acl.portal_role_manager.getRolesForPrincipal(api.group.get(EDITORS)))
    if roles & {"Editor", "Reviewer"}:
        api.group.revoke_roles(groupname=EDITORS, roles=["Editor", "Reviewer"])
