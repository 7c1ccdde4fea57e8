"""Turning the basket into a published bibliography page (a Document)."""

from plone import api
from plone.app.textfield.value import RichTextValue

from rt.infodoc.browser.bibliography import bibliography_html

CONTAINER_TYPES = ("Folder", "DossierThematique")


def can_add_document(container):
    if not api.user.has_permission("Add portal content", obj=container):
        return False
    allowed = getattr(container, "allowedContentTypes", None)
    return allowed is not None and any(t.getId() == "Document" for t in allowed())


def target_folders():
    """[(path, title)] of the containers where the current user may add a page."""
    if api.user.is_anonymous():
        return []
    portal = api.portal.get()
    candidates = [portal]
    brains = api.content.find(portal_type=list(CONTAINER_TYPES), sort_on="path")
    candidates += [brain.getObject() for brain in brains]
    rows = []
    portal_path = "/".join(portal.getPhysicalPath())
    for container in candidates:
        if can_add_document(container):
            path = "/".join(container.getPhysicalPath())[len(portal_path) :] or "/"
            rows.append((path, container.Title() or "Racine du site"))
    return rows


def create_bibliography_page(path, title, entries):
    """Create the Document in the folder at `path` (relative to the site); return it."""
    portal = api.portal.get()
    container = portal if path in ("", "/") else portal.unrestrictedTraverse(path.lstrip("/"))
    if not can_add_document(container):
        raise PermissionError("Vous ne pouvez pas ajouter de page dans ce dossier.")
    text = RichTextValue(bibliography_html(entries), "text/html", "text/x-html-safe")
    return api.content.create(
        container=container, type="Document", title=title, text=text, safe_id=True
    )
