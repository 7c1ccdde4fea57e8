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

    def letters(self):
        """[{name, address lines, level name, text}] for borrowers without e-mail."""
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
            if borrower is None or (borrower.email or "").strip():
                continue
            _subject, body = settings.texts(entry["level"])
            letters.append(
                {
                    "card": card,
                    "name": borrower.name,
                    "structure": borrower.structure or "",
                    "level": self.tr(LEVEL_NAMES[entry["level"]]),
                    "paragraphs": render(
                        body, borrower.name, entry["loans"], self.today, site, self.tr
                    ).split("\n\n"),
                }
            )
        return letters

    def runs(self):
        return state.last_runs(self.context)[:5]
