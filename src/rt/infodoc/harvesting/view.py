"""The librarians' page <site>/@@harvest-oai: harvest a source now, see the last runs.

The harvest runs in the request (like @@import-marc); a very large first harvest
is better started with scripts/harvest-oai.
"""

import re

from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.harvesting.core.client import OAIClient
from rt.infodoc.importer.report import COUNTER_LABELS
from rt.infodoc.importer.report import COUNTERS

from .runner import harvest_into_site
from .settings import configured_sources
from .site_state import last_runs
from .site_state import last_state
from .sources import SourceError
from .sources import check_name
from .sources import check_url
from .summary import EXIT_NOT_STARTED
from .summary import exit_status

FORMATS = (
    ("", _("Automatique (pmb_xml_unimarc pour PMB, sinon UNIMARC, MARCXML, Dublin Core)")),
    ("pmb_xml_unimarc", "PMB XML UNIMARC (pmb_xml_unimarc)"),
    ("unimarc", "UNIMARC XML (unimarc)"),
    ("marcxml", "MARCXML (marcxml)"),
    ("oai_dc", _("Dublin Core simple (oai_dc)")),
)
OTHER = "__url__"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STATUS_LABELS = {
    "ok": _("terminé"),
    "empty": _("rien de nouveau"),
    "failed": _("échec"),
    "running": _("en cours"),
}


class HarvestOaiView(BrowserView):
    template = ViewPageTemplateFile("templates/harvest_oai.pt")

    harvest = None
    imported = None
    errors = ()
    formats = FORMATS
    other = OTHER
    counters = COUNTERS
    counter_labels = COUNTER_LABELS
    status_labels = STATUS_LABELS

    def __call__(self):
        self.sources, self.config_errors = configured_sources()
        form = self.request.form
        if self.request.method == "POST" and "form.submitted" in form:
            CheckAuthenticator(self.request)
            self.run(form)
        return self.template()

    # --- the form ----------------------------------------------------------------------

    def tr(self, message):
        return translate(message, context=self.request)

    def value(self, name, default=""):
        return self.request.form.get(name, default)

    def read_form(self, form):
        """(arguments of harvest_into_site, French errors by field)."""
        errors, chosen = {}, form.get("source", "")
        known = {s.name: s for s in self.sources}
        prefix = form.get("format") or None
        sets = form.get("sets", "").split()
        if chosen in known:
            source = known[chosen]
            url, name = source.url, source.name
            prefix = prefix or source.prefix
            sets = sets or list(source.sets)
        else:
            url, name = form.get("url", "").strip(), form.get("name", "").strip()
            try:
                check_url(url)
            except SourceError as exc:
                errors["url"] = self.tr(
                    _(
                        "Indiquez l'URL de base du fournisseur OAI-PMH (${reason}).",
                        mapping={"reason": str(exc)},
                    )
                )
            try:
                check_name(name)
            except SourceError as exc:
                errors["name"] = self.tr(
                    _(
                        "Indiquez un nom pour cette source (${reason}).",
                        mapping={"reason": str(exc)},
                    )
                )
        if prefix and prefix not in dict(FORMATS):
            errors["format"] = self.tr(_("Format de métadonnées inconnu."))
        dates = {}
        for field, message in (
            ("from", _("Date de début invalide : écrivez-la AAAA-MM-JJ.")),
            ("until", _("Date de fin invalide : écrivez-la AAAA-MM-JJ.")),
        ):
            value = form.get(field, "").strip()
            if value and not _DATE.match(value):
                errors[field] = self.tr(message)
            dates[field] = value or None
        args = {
            "base_url": url,
            "source": name,
            "prefix": prefix,
            "sets": sets,
            "from_": dates["from"],
            "until": dates["until"],
            "dry_run": bool(form.get("dry_run")),
        }
        return args, errors

    def run(self, form):
        args, self.errors = self.read_form(form)
        if self.errors:
            return
        client = OAIClient(args["base_url"], timeout=30.0, max_retries=2)
        self.source_name = args["source"]
        self.harvest, self.imported = harvest_into_site(self.context, client=client, **args)

    # --- reading -----------------------------------------------------------------------

    @property
    def not_started(self):
        return (
            self.harvest is not None
            and exit_status(self.harvest, self.imported) == EXIT_NOT_STARTED
        )

    def history(self):
        """One row per source: its last runs (newest first) and the datestamp reached."""
        states = last_state(self.context)
        rows = []
        for name, runs in sorted(last_runs(self.context).items()):
            reached = [
                e.get("last_datestamp")
                for key, e in states.items()
                if key.split("|")[0] == name and e.get("last_datestamp")
            ]
            rows.append(
                {
                    "name": name,
                    "runs": runs[:5],
                    "last_datestamp": max(reached) if reached else None,
                }
            )
        return rows
