"""The daily job of circulation: uncollected reservations pass to the next
reader, the loan history older than the registry's delay is anonymised, and
every record's availability in the search is checked against the store
(follower.py: what a stopped process did not reindex).

scripts/circulation-daily runs it in its own transaction (from the clock that
`make run` starts, or from cron); safe to run twice.
"""

import argparse
import sys
from datetime import datetime

from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation import settings
from rt.infodoc.circulation.reindexing import reconcile
from rt.infodoc.circulation.store import get_store

EXIT_NOT_STARTED = 2


def run(portal, now=None):
    """What the job did, as counts."""
    now = now or datetime.now()
    store = get_store(portal, create=True)
    desk = settings.desk_for(portal)
    desk._now = now
    desk.staff_site = None  # the job acts for every site
    expired = desk.expire_reservations()
    anonymised = borrowers.anonymise_history(store, settings.anonymise_before(now))
    reconciled = reconcile(portal)
    return {
        "reservations_expirees": len(expired),
        "anonymisees": anonymised,
        "disponibilites": reconciled,
    }


def main(app, argv=None, out=sys.stdout, err=sys.stderr):
    import transaction

    from rt.infodoc.importer.cli import CannotStart
    from rt.infodoc.importer.cli import open_site

    p = argparse.ArgumentParser(
        prog="circulation-daily",
        description="Réservations non retirées et anonymisation de l'historique des prêts.",
    )
    p.add_argument("--site", default="Plone", help="identifiant du site Plone")
    p.add_argument("--user", default="admin", help="utilisateur Zope qui exécute la tâche")
    args = p.parse_args(argv)
    try:
        site = open_site(app, args.site, args.user)
    except CannotStart as exc:
        err.write(f"Circulation : tâche impossible : {exc}\n")
        return EXIT_NOT_STARTED
    summary = run(site)
    transaction.commit()
    out.write(
        "Circulation : {reservations_expirees} réservation(s) non retirée(s) passée(s) au "
        "lecteur suivant, {anonymisees} fiche(s) d'historique anonymisée(s), {disponibilites} "
        "disponibilité(s) remise(s) à jour dans la recherche.\n".format(**summary)
    )
    return 0
