"""Install circulation in a site: the store, the relay staff's role and groups.

Run by the GenericSetup import step "rt.infodoc.circulation" (default profile)
and by the upgrade step 20261206050; safe to run again.
"""

import logging

from plone import api

from rt.infodoc.circulation import copies
from rt.infodoc.circulation.settings import RELAY_GROUP_PREFIX
from rt.infodoc.circulation.settings import site_codes
from rt.infodoc.circulation.settings import site_titles
from rt.infodoc.circulation.store import get_store
from rt.infodoc.permissions import MANAGE_CIRCULATION

logger = logging.getLogger("rt.infodoc.circulation")

RELAY_ROLE = "Relais"
CIRCULATION_ROLES = ("Manager", "Site Administrator", "Documentaliste", RELAY_ROLE)


def setup_circulation(portal):
    get_store(portal, create=True)
    if RELAY_ROLE not in portal.valid_roles():
        portal._addRole(RELAY_ROLE)
    portal.manage_permission(MANAGE_CIRCULATION, list(CIRCULATION_ROLES), acquire=True)
    titles = site_titles()
    for code in site_codes():
        if code == "toulouse":
            continue
        gid = f"{RELAY_GROUP_PREFIX}{code}"
        if api.group.get(groupname=gid) is None:
            api.group.create(
                groupname=gid,
                title=f"Site relais de {titles.get(code, code)}",
                roles=[RELAY_ROLE],
            )


def import_step(context):
    if context.readDataFile("rt.infodoc.circulation.txt") is None:
        return
    setup_circulation(context.getSite())


def migrate_copies(portal):
    """Every Notice's JSON copies (``items``) into the store; the count created."""
    store = get_store(portal, create=True)
    catalog = api.portal.get_tool("portal_catalog")
    created = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Notice"):
        obj = brain._unrestrictedGetObject()
        items = obj.__dict__.get("items") or []
        if items:
            created += len(
                copies.merge_imported(
                    store,
                    obj.UID(),
                    [dict(i) for i in items if hasattr(i, "get")],
                    getattr(obj, "document_type", "") or "",
                )
            )
    logger.info("circulation: %d copies moved into the store", created)
    return created
