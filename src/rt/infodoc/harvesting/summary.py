"""What a harvest into the site did, in French and in JSON (pure Python).

Exit status (docs: DESIGN.md "Interfaces"): 0 every record handled; 1 some
records rejected (or unreadable), or the harvest broke off after it had started;
2 the run could not start (source unreachable, OAI error at Identify...).
"""

import json
from pathlib import Path

from rt.infodoc.harvesting.core import cli as harvest_cli
from rt.infodoc.importer.report import COUNTER_LABELS
from rt.infodoc.importer.report import COUNTERS

EXIT_OK, EXIT_REJECTED, EXIT_NOT_STARTED = 0, 1, 2
MAX_LISTED = 50


def exit_status(harvest_report, import_report):
    if import_report.status == "failed" and harvest_report.status != "failed":
        return EXIT_NOT_STARTED  # the import itself could not run
    return harvest_cli.exit_status(harvest_report, import_report.rejected)


def run_summary(harvest_report, import_report):
    """A small plain dict kept in the run history (site) and shown by the page."""
    return {
        "base_url": harvest_report.base_url,
        "prefix": harvest_report.prefix,
        "sets": list(harvest_report.sets),
        "from": harvest_report.from_,
        "until": harvest_report.until,
        "started": harvest_report.started,
        "finished": harvest_report.finished,
        "harvest_status": harvest_report.status,
        "records": harvest_report.records,
        "deleted": harvest_report.deleted,
        "last_datestamp": harvest_report.last_datestamp,
        "counts": import_report.counts(),
        "errors": [e["message"] for e in harvest_report.errors],
        "exit_status": exit_status(harvest_report, import_report),
    }


def report_data(name, harvest_report, import_report):
    """The JSON report of one source: the harvest part and the import part."""
    return {
        "source": name,
        "exit_status": exit_status(harvest_report, import_report),
        "harvest": harvest_report.to_dict(),
        "import": import_report.to_dict(),
    }


def write_json(data, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=_plain), "utf-8")
    return path


def _plain(value):
    if hasattr(value, "__dict__"):
        return vars(value)
    raise TypeError(f"not JSON serialisable: {value!r}")


def summary_fr(name, harvest_report, import_report):
    """The French summary printed by the scripts and e-mailed to the documentalistes."""
    title = (
        "Moissonnage (simulation, rien n'est enregistré)"
        if import_report.dry_run
        else "Moissonnage"
    )
    lines = [
        f"{title} de la source « {name} »",
        harvest_cli.summary(harvest_report, import_report.rejected),
    ]
    if harvest_report.from_:
        lines.append(f"  à partir du {harvest_report.from_}")
    if harvest_report.last_datestamp:
        lines.append(f"  dernière date de modification reçue : {harvest_report.last_datestamp}")
    if harvest_report.status != "failed" or harvest_report.pages:
        lines.append("Import dans le site :")
        for counter in COUNTERS:
            lines.append(f"  {COUNTER_LABELS[counter]} : {getattr(import_report, counter)}")
        if import_report.warning_count:
            lines.append(f"  avertissements : {import_report.warning_count}")
    for item in import_report.withdrawals[:MAX_LISTED]:
        lines.append(
            f"  retirée : {item.get('cosoter_id') or '?'} {item.get('title') or ''}"
            f" ({item.get('reason') or 'absente de la source'})"
        )
    for item in import_report.rejections[:MAX_LISTED]:
        ident = item.identifier or "sans identifiant"
        lines.append(f"  rejetée : n° {item.position} ({ident}) : {item.reason}")
    hidden = max(0, len(import_report.rejections) - MAX_LISTED) + max(
        0, len(import_report.withdrawals) - MAX_LISTED
    )
    if hidden:
        lines.append(f"  … et {hidden} autres lignes (voir le rapport JSON)")
    if import_report.error:
        lines.append(f"  Erreur de l'import : {import_report.error}")
    return "\n".join(lines)
