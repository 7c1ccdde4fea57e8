"""Create the Plone site of the portal (used by scripts/create-site)."""

import transaction
from AccessControl.SecurityManagement import newSecurityManager
from Products.CMFPlone.factory import addPloneSite
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

PROFILES = (
    "plone.app.contenttypes:default",
    "plonetheme.barceloneta:default",
    "plone.restapi:default",
    "rt.infodoc:default",
)


def ensure_admin(app, login, password):
    users = app.acl_users
    if users.getUserById(login) is None:
        users._doAddUser(login, password, ["Manager"], [])
    return users.getUserById(login)


def create_site(app, site_id="Plone", admin=("admin", "admin"), demo=True, replace=False):
    """Create the French Plone site with rt.infodoc (and its demo content)."""
    app = makerequest(app)
    user = ensure_admin(app, *admin)
    newSecurityManager(None, user.__of__(app.acl_users))
    if site_id in app.objectIds():
        if not replace:
            return app[site_id], False
        app.manage_delObjects([site_id])
        transaction.commit()
    extensions = PROFILES + (("rt.infodoc:demo",) if demo else ())
    site = addPloneSite(
        app,
        site_id,
        title="Ressources & Territoires — Centre de ressources documentaires",
        description=(
            "Le centre de ressources de la cohésion sociale en Occitanie : fonds "
            "documentaire, fiches expériences, dossiers thématiques, Conf'At' et "
            "panoramas de presse."
        ),
        setup_content=False,
        default_language="fr",
        portal_timezone="Europe/Paris",
        extension_ids=extensions,
    )
    setSite(site)
    transaction.commit()
    return site, True
