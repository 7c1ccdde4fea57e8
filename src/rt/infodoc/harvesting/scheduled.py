"""The scheduled harvest: every source of the registry, incrementally, then the
French report e-mailed to the documentalistes (Zope).

    results, status = harvest_sources(site)
    send_scheduled_report(site, results, errors)
"""

from datetime import datetime

from rt.infodoc.harvesting.core.client import OAIClient

from .mail import MailError
from .mail import send_report
from .runner import harvest_into_site
from .settings import configured_sources
from .summary import EXIT_NOT_STARTED
from .summary import EXIT_OK
from .summary import EXIT_REJECTED
from .summary import exit_status
from .summary import report_data
from .summary import summary_fr


def harvest_sources(site, sources=None, dry_run=False, client_options=None):
    """Harvest each source in turn; one failing source does not stop the others.

    Returns (results, configuration errors); a result is
    {"name", "harvest", "import", "exit_status", "summary"} (reports as objects).
    """
    errors = []
    if sources is None:
        sources, errors = configured_sources()
    results = []
    for source in sources:
        client = OAIClient(source.url, **(client_options or {}))
        harvest, imported = harvest_into_site(
            site,
            source.url,
            prefix=source.prefix,
            sets=list(source.sets),
            source=source.name,
            dry_run=dry_run,
            client=client,
        )
        results.append(
            {
                "name": source.name,
                "harvest": harvest,
                "import": imported,
                "exit_status": exit_status(harvest, imported),
                "summary": summary_fr(source.name, harvest, imported),
            }
        )
    return results, errors


def overall_status(results, errors=()):
    if not results:
        return EXIT_NOT_STARTED
    worst = max([r["exit_status"] for r in results] + [EXIT_OK])
    return max(worst, EXIT_REJECTED) if errors else worst


def mail_subject(results, errors=(), when=None):
    when = when or datetime.now()
    created = sum(r["import"].created for r in results)
    updated = sum(r["import"].updated for r in results)
    problems = sum(1 for r in results if r["exit_status"]) + len(errors)
    state = f"{problems} problème(s) à vérifier" if problems else "sans erreur"
    return (
        f"Moissonnage OAI du {when:%d/%m/%Y} : {created} notice(s) créée(s), "
        f"{updated} mise(s) à jour, {state}"
    )


def mail_body(results, errors=()):
    parts = [
        "Bonjour,",
        "",
        "Voici le compte rendu du moissonnage automatique des sources OAI-PMH.",
        "",
    ]
    if not results and not errors:
        parts.append("Aucune source n'est déclarée dans le registre (rt.infodoc.harvest.sources).")
    for item in results:
        parts += [item["summary"], ""]
    if errors:
        parts.append("Sources mal déclarées dans le registre (non moissonnées) :")
        parts += [f"  - {error}" for error in errors]
        parts.append("")
    parts.append("Le rapport complet (JSON) est dans var/reports/ sur le serveur.")
    return "\n".join(parts)


def send_scheduled_report(results, errors=(), to=None):
    """E-mail the report; returns (recipients, French error or None)."""
    try:
        return send_report(mail_subject(results, errors), mail_body(results, errors), to), None
    except MailError as exc:
        return [], str(exc)


def scheduled_data(results, errors=()):
    return {
        "sources": [report_data(r["name"], r["harvest"], r["import"]) for r in results],
        "configuration_errors": list(errors),
        "exit_status": overall_status(results, errors),
    }
