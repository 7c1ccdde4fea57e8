"""Command line of the importer: the ``rt-import-marc`` console script (setup.py),
also run as ``scripts/import-marc``.

    rt-import-marc [--dry-run] [--withdraw-missing] [--report FILE]
                   [--site Plone] [--batch-size 1000] FILE...
    rt-import-marc --revert BATCH_ID

``console`` runs without Zope: it parses the options (one parser, ``parser()``),
checks the files, then runs ``main`` under zconsole against the ZEO site, which
parses them again with the same parser.

Exit status: 0 every record handled, 1 some rejected or held apart for review
(and reported), 2 the run could not start (missing file, no site, ZEO down).
"""

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path

from .batches import DEFAULT_BATCH_SIZE
from .report import EXIT_CANNOT_START
from .report import EXIT_OK
from .report import EXIT_REJECTED


class CannotStart(Exception):
    """The run cannot start; the message is French."""


def parser():
    p = argparse.ArgumentParser(
        prog="rt-import-marc",
        description="Importe des notices MARC (UNIMARC ou MARC 21, ISO 2709 ou XML).",
    )
    p.add_argument("files", nargs="*", metavar="FICHIER")
    p.add_argument("--site", default="Plone", help="identifiant du site Plone")
    p.add_argument(
        "--dry-run", action="store_true", help="simulation : rien n'est enregistré, même rapport"
    )
    p.add_argument(
        "--withdraw-missing",
        action="store_true",
        help="synchronisation complète : les notices absentes passent en privé",
    )
    p.add_argument("--report", help="rapport JSON (défaut var/reports/import-<date>.json)")
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    p.add_argument("--source", default="cosoter", help="provenance des notices")
    p.add_argument(
        "--no-resume",
        action="store_true",
        help="ignorer le point de reprise d'un import interrompu",
    )
    p.add_argument("--revert", metavar="LOT", help="annuler un lot d'import")
    p.add_argument("--user", default="admin", help="compte Zope propriétaire des notices")
    return p


def default_report_path(var_dir, when=None):
    when = when or datetime.now()
    return Path(var_dir) / "reports" / f"import-{when:%Y%m%d-%H%M%S}.json"


def check_files(files):
    """French error for the first unusable file, else None."""
    if not files:
        return "aucun fichier à importer"
    for name in files:
        path = Path(name)
        if not path.exists():
            return f"fichier introuvable : {name}"
        if not path.is_file() or not os.access(path, os.R_OK):
            return f"fichier illisible : {name}"
    return None


def open_site(app, site_id, user_id):
    """The Plone site ``site_id`` of the Zope ``app``, as the current site, with
    ``user_id`` logged in (zconsole scripts: import, harvest, circulation)."""
    from AccessControl.SecurityManagement import newSecurityManager
    from Testing.makerequest import makerequest
    from zope.component.hooks import setSite

    app = makerequest(app)
    site = app.get(site_id) if hasattr(app, "get") else getattr(app, site_id, None)
    if site is None or not hasattr(site, "portal_catalog"):
        raise CannotStart(f"site Plone introuvable : « {site_id} » (lancez scripts/create-site)")
    setSite(site)
    user = site.acl_users.getUserById(user_id) or app.acl_users.getUserById(user_id)
    if user is None:
        raise CannotStart(f"utilisateur introuvable : {user_id}")
    acl = site.acl_users if site.acl_users.getUserById(user_id) else app.acl_users
    newSecurityManager(None, user.__of__(acl))
    return site


def main(app, argv=None, out=sys.stdout, err=sys.stderr, var_dir=None):
    from .options import ImportOptions
    from .progress import Progress
    from .runner import import_file
    from .runner import revert_batch
    from .sources import count_records

    args = parser().parse_args(argv)
    var_dir = var_dir or os.environ.get("RT_INFODOC_VAR") or "var"
    try:
        if not args.revert:
            problem = check_files(args.files)
            if problem:
                raise CannotStart(problem)
        site = open_site(app, args.site, args.user)
    except CannotStart as exc:
        err.write(f"Import impossible : {exc}\n")
        return EXIT_CANNOT_START

    if args.revert:
        try:
            counts = revert_batch(site, args.revert)
        except KeyError:
            err.write(f"Annulation impossible : lot inconnu « {args.revert} »\n")
            return EXIT_CANNOT_START
        except ValueError:
            err.write(f"Annulation impossible : le lot « {args.revert} » est déjà annulé\n")
            return EXIT_CANNOT_START
        out.write(
            f"Lot {args.revert} annulé : {counts['deleted']} notices supprimées, "
            f"{counts['restored']} restaurées, {counts['republished']} republiées\n"
        )
        return EXIT_OK

    options = ImportOptions(
        dry_run=args.dry_run,
        withdraw_missing=args.withdraw_missing,
        source=args.source,
        batch_size=args.batch_size,
        resume=not args.no_resume,
    )
    reports = []
    status = EXIT_OK
    for name in args.files:
        progress = Progress(total=count_records(name), stream=err)
        report = import_file(site, name, options, progress)
        reports.append(report)
        out.write(report.summary_fr() + "\n")
        status = max(status, report.exit_status())
    path = Path(args.report) if args.report else default_report_path(var_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = reports[0].to_dict() if len(reports) == 1 else {"runs": [r.to_dict() for r in reports]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    out.write(f"Rapport JSON : {path}\n")
    return status if status in (EXIT_OK, EXIT_REJECTED) else EXIT_CANNOT_START


def console(argv=None):
    """``rt-import-marc``: options and files checked here, the import under zconsole."""
    from rt.infodoc.launcher import run_in_zope

    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser().parse_args(argv)  # --help and bad options end here
    problem = None if args.revert else check_files(args.files)
    if problem:
        sys.stderr.write(f"Import impossible : {problem}\n")
        return EXIT_CANNOT_START
    return run_in_zope("rt.infodoc.importer.cli:main", argv, "Import")
