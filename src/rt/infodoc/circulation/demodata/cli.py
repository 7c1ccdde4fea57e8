"""scripts/demo-circulation: the demo borrowers and their year of loans and visits
(run by `make site` after the demo fund is imported; once: a site that has them
is left alone).  Exit status 0 done, 2 nothing could start."""

import argparse
import sys

EXIT_NOT_STARTED = 2


def main(app, argv=None, out=sys.stdout, err=sys.stderr):
    import transaction

    from rt.infodoc.circulation.demodata.load import load
    from rt.infodoc.importer.cli import CannotStart
    from rt.infodoc.importer.cli import open_site

    parser = argparse.ArgumentParser(
        prog="demo-circulation", description="Prêts et visites de démonstration."
    )
    parser.add_argument("--site", default="Plone")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--scale", type=float, default=1.0, help="part de l'année 2011 (1 : tout)")
    args = parser.parse_args(argv)
    try:
        site = open_site(app, args.site, args.user)
    except CannotStart as exc:
        err.write(f"Démonstration impossible : {exc}\n")
        return EXIT_NOT_STARTED
    done = load(site, scale=args.scale)
    transaction.commit()
    if done.get("deja"):
        out.write("Prêts de démonstration déjà chargés.\n")
    else:
        out.write(
            f"Démonstration : {done.get('lend', 0)} prêts, {done.get('return', 0)} retours, "
            f"{done.get('visit', 0)} visites enregistrés ({done.get('refus', 0)} refusés).\n"
        )
    return 0
