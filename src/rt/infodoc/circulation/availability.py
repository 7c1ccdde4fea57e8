"""What the public sees of a record's copies: availability tokens and rows.

Readers see a copy's state (on the shelf, on loan until a date, at a relay
site, reserved, travelling), never who has it.
"""

from rt.infodoc.circulation.rules import statuses

# facet tokens (indexers/availability.py holds their titles)
EMPRUNTABLE = "empruntable"
EN_PRET = "en-pret"
SUR_PLACE = "sur-place"
EN_LIGNE = "en-ligne"
INDISPONIBLE = "indisponible"

_OUT = (statuses.EN_PRET, statuses.RESERVE, statuses.EN_TRANSIT)
_ON_SITE = (statuses.SUR_PLACE, statuses.EXCLU)


def tokens(copies, support=None, urls=()):
    """Facet tokens of a record from its copies in the store (pure)."""
    found = set()
    for copy in copies:
        if copy.status == statuses.DISPONIBLE:
            found.add(EMPRUNTABLE)
        elif copy.status in _OUT:
            found.add(EN_PRET)
        elif copy.status in _ON_SITE:
            found.add(SUR_PLACE)
        else:
            found.add(INDISPONIBLE)
    if len(found) > 1:
        found.discard(INDISPONIBLE)
    if EMPRUNTABLE in found:
        found.discard(EN_PRET)  # a copy on a shelf: borrowable now
    if support == "electronique" or any(urls or ()):
        found.add(EN_LIGNE)
    return sorted(found)


def earliest_return(store, uid):
    """When a record whose copies are all out comes back: the earliest due date
    of its copies on loan; None while a copy is on a shelf, or when no copy on
    loan has a due date. A date only: nothing of who has the copies."""
    due = None
    for copy in store.copies_of(uid):
        if copy.status == statuses.DISPONIBLE:
            return None
        if copy.status == statuses.EN_PRET:
            loan = store.loan(copy.barcode)
            if loan is not None and loan.due and (due is None or loan.due < due):
                due = loan.due
    return due


def earliest_returns(uids):
    """{uid: earliest due date} of the records among `uids` whose copies are all
    out (the site's store; ``earliest_return``); the others are left out. Meant
    for a page of results: a few BTree reads per record asked for."""
    store = _site_store()
    if store is None:
        return {}
    found = {}
    for uid in uids:
        due = earliest_return(store, uid) if uid else None
        if due is not None:
            found[uid] = due
    return found


def _site_store():
    from plone import api

    from rt.infodoc.circulation.store import get_store

    try:
        portal = api.portal.get()
    except api.exc.CannotGetPortalError:
        return None
    return get_store(portal)


def of(name):
    """French "de" before a place name, elided before a vowel: "de Foix", "d'Albi"."""
    return f"d'{name}" if name[:1].lower() in "aeiouyâàéèêîïôû" else f"de {name}"


def _date(day):
    return day.strftime("%d/%m/%Y") if day else ""


def copy_label(copy, loan=None, centre="toulouse", site_titles=None):
    """(label, css class) of one copy for a reader."""
    site_titles = site_titles or {}
    if copy.status == statuses.DISPONIBLE:
        if copy.site and copy.site != centre:
            return f"Au site relais {of(site_titles.get(copy.site, copy.site))}", "rt-dispo-relay"
        return "En rayon", "rt-dispo-ok"
    if copy.status == statuses.EN_PRET:
        if loan is not None and loan.due:
            return f"En prêt jusqu'au {_date(loan.due)}", "rt-dispo-loan"
        return "En prêt", "rt-dispo-loan"
    if copy.status == statuses.RESERVE:
        return "Réservé", "rt-dispo-loan"
    if copy.status == statuses.EN_TRANSIT:
        return "En transit", "rt-dispo-loan"
    if copy.status in _ON_SITE:
        return "Consultation sur place", "rt-dispo-onsite"
    return "Indisponible", "rt-dispo-none"


def copy_rows(store, uid, site_titles=None, centre="toulouse"):
    """The rows of a Notice page's table of copies (no borrower in them)."""
    site_titles = site_titles or {}
    rows = []
    for copy in sorted(store.copies_of(uid), key=lambda c: (c.site != centre, c.site, c.barcode)):
        label, css = copy_label(copy, store.loan(copy.barcode), centre, site_titles)
        rows.append(
            {
                "barcode": copy.barcode,
                "site": site_titles.get(copy.site, copy.site),
                "call_number": copy.call_number,
                "section": copy.section,
                "status": statuses.STATUS_TITLES.get(copy.status, copy.status),
                "availability": label,
                "css": css,
            }
        )
    return rows


def record_copies(obj):
    """The copies of a content object in its site's store ([] without a store)."""
    from plone import api

    from rt.infodoc.circulation.store import get_store

    try:
        portal = api.portal.get()
    except api.exc.CannotGetPortalError:
        return []
    store = get_store(portal)
    if store is None:
        return []
    uid = getattr(obj, "UID", None)
    return store.copies_of(uid()) if callable(uid) else []
