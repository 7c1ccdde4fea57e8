"""Helpers for ``scripts/harvest-oai URL``: options, run, French summary, JSON report.

The script supplies the consumer (the importer); exit status follows the
project's convention: 0 every record handled, 1 some rejected or the harvest
broke off after it had started, 2 the run could not start.
"""

import argparse
import json
import sys
from pathlib import Path

from .client import OAIClient
from .harvester import PREFERRED_FORMATS
from .harvester import Harvester
from .state import HarvestState

EXIT_OK, EXIT_REJECTED, EXIT_NOT_STARTED = 0, 1, 2


def add_arguments(parser):
    parser.add_argument(
        "url", help="URL de base du fournisseur OAI-PMH (ex. …/ws/connector_out.php?source_id=3)"
    )
    parser.add_argument(
        "--prefix", help=f"format de métadonnées imposé (sinon : {', '.join(PREFERRED_FORMATS)})"
    )
    parser.add_argument(
        "--set", dest="sets", action="append", default=[], help="ensemble à moissonner (répétable)"
    )
    parser.add_argument(
        "--from", dest="from_", help="date de début (AAAA-MM-JJ ou AAAA-MM-JJThh:mm:ssZ)"
    )
    parser.add_argument("--until", help="date de fin")
    parser.add_argument("--state", help="fichier JSON d'état pour le moissonnage incrémental")
    parser.add_argument("--report", help="fichier JSON où écrire le rapport")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--retries", type=int, default=5)
    return parser


def make_harvester(args, sleep=None):
    kwargs = {"sleep": sleep} if sleep is not None else {}
    client = OAIClient(args.url, timeout=args.timeout, max_retries=args.retries, **kwargs)
    state = HarvestState(args.state) if args.state else None
    return Harvester(
        client, prefix=args.prefix, sets=args.sets, from_=args.from_, until=args.until, state=state
    )


def exit_status(report, rejected=0):
    if report.status == "failed":
        return EXIT_REJECTED if report.pages else EXIT_NOT_STARTED
    return EXIT_REJECTED if (rejected or report.bad_records) else EXIT_OK


def summary(report, rejected=0):
    """A short French summary of a harvest."""
    lines = [
        f"Moissonnage de {report.base_url} ({report.prefix or 'format inconnu'}) : "
        f"{_status_fr(report.status)}.",
        f"  notices reçues : {report.records} (dont {report.deleted} supprimées), "
        f"pages : {report.pages}",
    ]
    if report.complete_list_size is not None:
        lines.append(f"  taille annoncée de la liste : {report.complete_list_size}")
    if report.duplicates or report.already_harvested:
        lines.append(
            f"  doublons ignorés : {report.duplicates}, déjà moissonnées : "
            f"{report.already_harvested}"
        )
    if report.restarts or report.retries:
        lines.append(
            f"  reprises après jeton expiré : {report.restarts}, nouvelles "
            f"tentatives HTTP : {report.retries}"
        )
    if rejected:
        lines.append(f"  notices rejetées par l'import : {rejected}")
    for bad in report.bad_records:
        lines.append(
            f"  notice illisible (page {bad['page']}, position {bad['position']}) : {bad['reason']}"
        )
    for error in report.errors:
        lines.append(f"  ERREUR : {error['message']}")
    return "\n".join(lines)


def _status_fr(status):
    return {
        "ok": "terminé",
        "empty": "aucune notice nouvelle",
        "failed": "échec",
        "running": "en cours",
    }.get(status, status)


def write_report(report, path, extra=None):
    data = report.to_dict()
    data.update(extra or {})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")


def main(argv=None, consumer=None, out=sys.stdout):
    """Parse options, harvest into ``consumer`` (a callable returning False for
    a rejected record; None just counts), print the summary, write the report."""
    parser = add_arguments(argparse.ArgumentParser(description="Moissonne un fournisseur OAI-PMH."))
    args = parser.parse_args(argv)
    try:
        harvester = make_harvester(args)
    except ValueError as exc:  # unreadable state file
        print(f"ERREUR : {exc}", file=out)
        return EXIT_NOT_STARTED
    rejected = 0

    def consume(record):
        nonlocal rejected
        if consumer is not None and consumer(record) is False:
            rejected += 1

    report = harvester.harvest(consume)
    print(summary(report, rejected), file=out)
    if args.report:
        write_report(report, args.report, {"rejected": rejected})
    return exit_status(report, rejected)
