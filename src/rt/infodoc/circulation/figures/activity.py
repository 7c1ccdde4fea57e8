"""From circulation records (interfaces.py: ILoan, IVisit) to counted activities.

Loans and returns are counted by the themes of the lent record, read from the
catalog's metadata through its UID index (catalog_lookup.py: no search).
"""

from rt.infodoc.circulation.catalog_lookup import metadata_of
from rt.infodoc.circulation.figures.counters import Activity


def themes_of(uid):
    themes = metadata_of(uid, "themes")  # a metadata column of the catalog
    return tuple(themes) if isinstance(themes, (list, tuple)) else ()


def loan_activity(loan, themes=None):
    when = loan.start
    return Activity(
        "pret",
        when.date() if hasattr(when, "date") else when,
        loan.site or "",
        tuple(themes if themes is not None else themes_of(loan.uid)),
        loan.doc_type or "",
        loan.category or "",
    )


def return_activity(loan, themes=None):
    when = loan.returned
    return Activity(
        "retour",
        when.date() if hasattr(when, "date") else when,
        loan.return_site or loan.site or "",
        tuple(themes if themes is not None else themes_of(loan.uid)),
        loan.doc_type or "",
        loan.category or "",
    )


def visit_activities(visit):
    day = visit.when.date() if hasattr(visit.when, "date") else visit.when
    found = [Activity("visite", day, visit.site or "", (), "", visit.category or "")]
    if visit.first:
        found.append(Activity("accueil", day, visit.site or "", (), "", visit.category or ""))
    return found


def _all(store, name):
    """ICirculationStore.history() / visits(); this version of the store names the
    methods ``history_between`` / ``visits_between`` (its BTrees hold the names)."""
    method = getattr(store, f"{name}_between", None) or getattr(store, name)
    return method()


def history_activities(store):
    """Every activity of the store's history (the rebuild of the counters)."""
    themes = {}
    for loan in _all(store, "history"):
        if loan.uid not in themes:
            themes[loan.uid] = themes_of(loan.uid)
        yield loan_activity(loan, themes[loan.uid])
        if loan.returned is not None:
            yield return_activity(loan, themes[loan.uid])
    for visit in _all(store, "visits"):
        yield from visit_activities(visit)
