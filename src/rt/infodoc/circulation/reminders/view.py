"""@@relances-a-imprimer: the letters of borrowers without e-mail, ready to print
(one per page), what the last runs did, and a button to run today's reminders."""

import datetime

from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from rt.infodoc import _
from rt.infodoc.circulation.reminders import job
from rt.infodoc.circulation.reminders import settings
from rt.infodoc.circulation.reminders import state
from rt.infodoc.circulation.reminders.levels import outstanding
from rt.infodoc.circulation.reminders.texts import LEVEL_NAMES
from rt.infodoc.circulation.reminders.texts import french_date
from rt.infodoc.circulation.reminders.texts import render

SUMMARY_LABELS = (
    ("niveau_1", _("1re relance")),
    ("niveau_2", _("2e relance")),
    ("niveau_3", _("3e relance")),
    ("courriels", _("courriels envoyés")),
    ("a_imprimer", _("lettres à imprimer")),
    ("echecs", _("envois refusés par le serveur")),
)


class PrintRemindersView(BrowserView):
    template = ViewPageTemplateFile("templates/print.pt")
    summary = None

    def __call__(self):
        self.today = datetime.date.today()
        self.tr = job.translator(self.request)
        if self.request.method == "POST" and "relancer" in self.request.form:
            CheckAuthenticator(self.request)
            self.summary = job.run(self.context, self.today)
        return self.template()

    def summary_labels(self):
        return [(key, self.tr(label)) for key, label in SUMMARY_LABELS]

    def date(self):
        return french_date(self.today, self.tr)

    def refused(self):
        """[{card, name, email}] of the borrowers whose e-mail the last run could
        not send (the SMTP server refused it or was down): their letter is printed
        below, and the next run tries the e-mail again. Runs keep only card
        numbers; a borrower erased since is left out."""
        runs = state.last_runs(self.context)
        if self.summary is not None:
            cards = self.summary.get("refuses", [])
        else:
            cards = runs[0].get("refuses", []) if runs else []
        store = job.get_store(self.context)
        found = []
        for card in cards:
            borrower = store.borrower(card)
            if borrower is not None:
                found.append({"card": card, "name": borrower.name, "email": borrower.email})
        return found

    def run_when(self, run):
        """ "6 décembre 2026 à 16 h 34" for a run's ISO timestamp."""
        when = datetime.datetime.fromisoformat(run["when"])
        return self.tr(
            _(
                "${date} à ${hour} h ${minute}",
                mapping={
                    "date": french_date(when.date(), self.tr),
                    "hour": str(when.hour),
                    "minute": f"{when.minute:02d}",
                },
            )
        )

    def letters(self):
        """[{name, address lines, level name, text}] for borrowers without e-mail,
        and for those whose e-mail the last run could not send."""
        refused = {row["card"] for row in self.refused()}
        store = job.get_store(self.context)
        rows = outstanding(
            job.overdue_loans(self.context, self.today), self.today, settings.delays()
        )
        by_borrower = {}
        for loan, level in rows:
            entry = by_borrower.setdefault(loan.borrower_id, {"level": 0, "loans": []})
            entry["level"] = max(entry["level"], level)
            entry["loans"].append(loan)
        site = self.context.Title() or "Ressources & Territoires"
        letters = []
        for card, entry in sorted(by_borrower.items()):
            borrower = store.borrower(card)
            if borrower is None:
                continue
            if (borrower.email or "").strip() and card not in refused:
                continue
            _subject, body = settings.texts(entry["level"])
            letters.append(
                {
                    "card": card,
                    "name": borrower.name,
                    "structure": borrower.structure or "",
                    "level": self.tr(LEVEL_NAMES[entry["level"]]),
                    "refused": card in refused,
                    "paragraphs": render(
                        body, borrower.name, entry["loans"], self.today, site, self.tr
                    ).split("\n\n"),
                }
            )
        return letters

    def runs(self):
        return state.last_runs(self.context)[:5]
