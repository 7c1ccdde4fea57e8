"""scripts/send-reminders: today's overdue reminders, in one transaction.

Run by the scheduler (scripts/scheduler, started by `make run`) once a day, or
from cron in production; safe to run twice (a level goes once to each loan).
Exit status: 0 done; 1 some e-mails were refused by the SMTP server (they are
tried again at the next run); 2 nothing could start (no site, ZEO down).
"""

import argparse
import datetime
import sys

EXIT_NOT_STARTED = 2


def parser():
    p = argparse.ArgumentParser(
        prog="send-reminders", description="Envoie les relances des prêts en retard."
    )
    p.add_argument("--site", default="Plone", help="identifiant du site Plone")
    p.add_argument("--user", default="admin", help="utilisateur Zope qui exécute l'envoi")
    p.add_argument("--date", help="date du jour (AAAA-MM-JJ), pour rattraper un jour manqué")
    p.add_argument("--force", action="store_true", help="même si l'envoi automatique est coupé")
    return p


def main(app, argv=None, out=sys.stdout, err=sys.stderr):
    import transaction

    from rt.infodoc.circulation.reminders import job
    from rt.infodoc.circulation.reminders import settings
    from rt.infodoc.importer.cli import CannotStart
    from rt.infodoc.importer.cli import open_site

    args = parser().parse_args(argv)
    try:
        today = datetime.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        err.write(f"Relances impossibles : date illisible « {args.date} » (AAAA-MM-JJ)\n")
        return EXIT_NOT_STARTED
    try:
        site = open_site(app, args.site, args.user)
    except CannotStart as exc:
        err.write(f"Relances impossibles : {exc}\n")
        return EXIT_NOT_STARTED
    if not settings.enabled() and not args.force:
        out.write("Relances automatiques coupées (Configuration du site > Relances des retards).\n")
        return 0
    summary = job.run(site, today)
    transaction.commit()
    out.write(
        "Relances : {niveau_1} de niveau 1, {niveau_2} de niveau 2, {niveau_3} de niveau 3 ; "
        "{courriels} courriel(s) envoyé(s), {a_imprimer} lettre(s) à imprimer, "
        "{echecs} envoi(s) refusé(s).\n".format(**summary)
    )
    return 1 if summary["echecs"] else 0
