"""The borrower card of the logged-in member, and the desk acting for them.

Only circulation's declared API is used (store.borrowers(), the Desk with the
borrower's card), so an online renewal or reservation goes through the same
rules as at the desk.
"""

from plone import api

from rt.infodoc.circulation.errors import CirculationError


def store(portal):
    """The site's store; an empty one (not kept) before circulation was set up,
    so reading never writes."""
    from rt.infodoc.circulation.store import CirculationStore
    from rt.infodoc.circulation.store import get_store as store_of

    found = store_of(portal)
    return found if found is not None else CirculationStore()


def all_borrowers(store):
    """ICirculationStore.borrowers(); the store of this version keeps its BTree
    under that name, which hides the method: read the BTree's values then."""
    borrowers = store.borrowers
    return borrowers.values() if hasattr(borrowers, "values") else borrowers()


def member_id():
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def borrower_for(portal, userid=None):
    """The IBorrower linked to this Plone member (IBorrower.member_id), or None."""
    userid = userid or member_id()
    if not userid:
        return None
    for borrower in all_borrowers(store(portal)):
        if borrower.member_id == userid:
            return borrower
    return None


def desk(portal, request):
    from rt.infodoc.circulation.settings import desk_for

    return desk_for(portal)


def refusal_text(error, request=None):
    """The French sentence(s) of a CirculationError, through the catalogue
    (circulation/texts.py) as at the desk."""
    if isinstance(error, CirculationError):
        from rt.infodoc.circulation.texts import texts

        return " ".join(texts(error, request))
    return str(error)
