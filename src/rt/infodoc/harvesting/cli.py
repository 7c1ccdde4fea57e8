"""The harvest's command lines: the ``rt-harvest-oai`` and ``rt-harvest-scheduled``
console scripts (setup.py), also run as scripts/harvest-oai and scripts/harvest-scheduled.

    rt-harvest-oai URL|SOURCE [--format P] [--set S]... [--from D] [--until D]
                   [--source NAME] [--dry-run] [--report FILE] [--full] [--state FILE]
    rt-harvest-scheduled [--dry-run] [--report FILE] [--no-mail] [--loop SECONDS]

``harvest_console`` and ``scheduled_console`` run without Zope: they parse the
options (the one parser of each command), then run ``main`` / ``scheduled_main``
under zconsole against the ZEO site, which parse them again with the same parser.

Exit status: 0 every record handled, 1 some rejected (and reported) or the harvest
broke off after it had started, 2 the run could not start (unreachable source,
OAI error at Identify, no site; the wrappers add ZEO down).
"""

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from .summary import EXIT_NOT_STARTED
from .summary import EXIT_REJECTED

PREFIXES = "pmb_xml_unimarc, unimarc, marcxml, MARC21-xml, oai_dc"


def _common(parser):
    parser.add_argument("--site", default="Plone", help="identifiant du site Plone")
    parser.add_argument("--user", default="admin", help="compte Zope propriétaire des notices")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="simulation : rien n'est enregistré (ni notices ni date de reprise)",
    )
    parser.add_argument("--report", help="rapport JSON (défaut var/reports/harvest-…json)")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="délai d'attente d'une réponse HTTP (secondes)"
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=5,
        help="nouvelles tentatives quand le fournisseur ne répond pas",
    )
    return parser


def harvest_parser():
    p = argparse.ArgumentParser(
        prog="rt-harvest-oai",
        description="Moissonne un fournisseur OAI-PMH (COSOTer…) dans le fonds du site.",
    )
    p.add_argument(
        "url",
        metavar="URL",
        nargs="?",  # missing: a French message (``NO_URL``), not argparse's
        help="URL de base OAI-PMH, ou nom d'une source déclarée dans le registre",
    )
    p.add_argument(
        "--format",
        "--prefix",
        dest="prefix",
        help=f"format de métadonnées (défaut : le meilleur parmi {PREFIXES})",
    )
    p.add_argument(
        "--set",
        dest="sets",
        action="append",
        default=[],
        help="ensemble (set) à moissonner (répétable)",
    )
    p.add_argument("--from", dest="from_", help="date de début (AAAA-MM-JJ[Thh:mm:ssZ])")
    p.add_argument("--until", help="date de fin")
    p.add_argument(
        "--source",
        help="nom de la source (provenance des notices et date de reprise ; défaut cosoter)",
    )
    p.add_argument(
        "--full",
        action="store_true",
        help="tout moissonner depuis l'origine ; sans ensemble ni dates, les "
        "notices de la source absentes du fournisseur sont retirées",
    )
    p.add_argument("--state", help="fichier JSON d'état au lieu de l'état gardé dans le site")
    p.add_argument("--batch-size", type=int, default=100)
    return _common(p)


def scheduled_parser():
    p = argparse.ArgumentParser(
        prog="rt-harvest-scheduled",
        description="Moissonne toutes les sources du registre et envoie le rapport "
        "aux documentalistes.",
    )
    p.add_argument("--no-mail", action="store_true", help="ne pas envoyer le courriel")
    p.add_argument(
        "--loop",
        type=_seconds,
        metavar="SECONDES",
        help="recommencer toutes les SECONDES secondes (processus d'horloge) ; "
        "sans cette option, un seul passage",
    )
    return _common(p)


def _seconds(value):
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1
    if seconds <= 0:
        raise argparse.ArgumentTypeError("--loop attend un nombre de secondes positif")
    return seconds


NO_URL = "indiquez l'URL du fournisseur OAI-PMH ou le nom d'une source (rt-harvest-oai --help)"


def default_report_path(var_dir, name, when=None):
    when = when or datetime.now()
    return Path(var_dir) / "reports" / f"harvest-{name}-{when:%Y%m%d-%H%M%S}.json"


def _open_site(app, args, err):
    from rt.infodoc.importer.cli import CannotStart
    from rt.infodoc.importer.cli import open_site

    try:
        return open_site(app, args.site, args.user)
    except CannotStart as exc:
        err.write(f"Moissonnage impossible : {exc}\n")
        return None


def _resolve(args):
    """(url, source name, prefix, sets) from the arguments and the registry."""
    from .settings import configured_sources
    from .sources import SourceError
    from .sources import check_url

    if args.url.startswith(("http://", "https://")):
        check_url(args.url)
        return args.url, args.source or "cosoter", args.prefix, args.sets
    sources, _ = configured_sources()
    for source in sources:
        if source.name == args.url:
            return (
                source.url,
                args.source or source.name,
                args.prefix or source.prefix,
                args.sets or list(source.sets),
            )
    raise SourceError(
        f"« {args.url} » n'est ni une URL ni une source du registre "
        f"({', '.join(s.name for s in sources) or 'aucune source déclarée'})"
    )


def main(app, argv=None, out=sys.stdout, err=sys.stderr, var_dir=None):
    """``rt-harvest-oai`` under zconsole: one source."""
    from rt.infodoc.harvesting.core.client import OAIClient

    from .runner import harvest_into_site
    from .sources import SourceError
    from .sources import check_name
    from .summary import exit_status
    from .summary import report_data
    from .summary import summary_fr
    from .summary import write_json

    args = harvest_parser().parse_args(argv)
    if not args.url:
        err.write(f"Moissonnage impossible : {NO_URL}\n")
        return EXIT_NOT_STARTED
    var_dir = var_dir or os.environ.get("RT_INFODOC_VAR") or "var"
    site = _open_site(app, args, err)
    if site is None:
        return EXIT_NOT_STARTED
    try:
        url, name, prefix, sets = _resolve(args)
        check_name(name)
    except SourceError as exc:
        err.write(f"Moissonnage impossible : {exc}\n")
        return EXIT_NOT_STARTED
    client = OAIClient(url, timeout=args.timeout, max_retries=args.retries)
    try:
        harvest, imported = harvest_into_site(
            site,
            url,
            prefix=prefix,
            sets=sets,
            from_=args.from_,
            until=args.until,
            source=name,
            state_path=args.state,
            dry_run=args.dry_run,
            full=args.full,
            client=client,
            batch_size=args.batch_size,
        )
    except ValueError as exc:  # unreadable state file
        err.write(f"Moissonnage impossible : {exc}\n")
        return EXIT_NOT_STARTED
    status = exit_status(harvest, imported)
    out.write(summary_fr(name, harvest, imported) + "\n")
    path = Path(args.report) if args.report else default_report_path(var_dir, name)
    write_json(report_data(name, harvest, imported), path)
    out.write(f"Rapport JSON : {path}\n")
    if status == EXIT_NOT_STARTED:
        err.write(
            "Moissonnage impossible : " + "; ".join(e["message"] for e in harvest.errors) + "\n"
        )
    return status


def scheduled_main(app, argv=None, out=sys.stdout, err=sys.stderr, var_dir=None):
    """``rt-harvest-scheduled`` under zconsole: every source of the registry, then
    the e-mail (``--loop`` is the console's)."""
    from .scheduled import harvest_sources
    from .scheduled import overall_status
    from .scheduled import scheduled_data
    from .scheduled import send_scheduled_report
    from .summary import write_json

    args = scheduled_parser().parse_args(argv)
    var_dir = var_dir or os.environ.get("RT_INFODOC_VAR") or "var"
    site = _open_site(app, args, err)
    if site is None:
        return EXIT_NOT_STARTED
    results, errors = harvest_sources(
        site,
        dry_run=args.dry_run,
        client_options={"timeout": args.timeout, "max_retries": args.retries},
    )
    for item in results:
        out.write(item["summary"] + "\n")
    for error in errors:
        err.write(f"Source ignorée : {error}\n")
    status = overall_status(results, errors)
    path = Path(args.report) if args.report else default_report_path(var_dir, "planifie")
    write_json(scheduled_data(results, errors), path)
    out.write(f"Rapport JSON : {path}\n")
    if not args.no_mail:
        to, problem = send_scheduled_report(results, errors)
        if problem:
            err.write(f"Rapport non envoyé : {problem}\n")
            status = max(status, EXIT_REJECTED)
        else:
            out.write(f"Rapport envoyé à : {', '.join(to)}\n")
    return status


def harvest_console(argv=None):
    """``rt-harvest-oai``: options checked here, the harvest under zconsole."""
    from rt.infodoc.launcher import run_in_zope

    argv = sys.argv[1:] if argv is None else list(argv)
    if not harvest_parser().parse_args(argv).url:
        sys.stderr.write(f"Moissonnage impossible : {NO_URL}\n")
        return EXIT_NOT_STARTED
    return run_in_zope("rt.infodoc.harvesting.cli:main", argv, "Moissonnage")


def scheduled_console(argv=None):
    """``rt-harvest-scheduled``: once, or every ``--loop`` seconds until stopped
    (SIGTERM or Ctrl-C), each round a zconsole run of ``scheduled_main``."""
    import signal

    from rt.infodoc.launcher import loop
    from rt.infodoc.launcher import run_in_zope

    argv = sys.argv[1:] if argv is None else list(argv)
    args = scheduled_parser().parse_args(argv)

    def once():
        return run_in_zope("rt.infodoc.harvesting.cli:scheduled_main", argv, "Moissonnage")

    if args.loop is None:
        return once()

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        loop(once, args.loop)
    except KeyboardInterrupt:
        sys.stderr.write("Moissonnage planifié arrêté.\n")
    return 0
