"""@@mon-compte: the member's loans (due dates, renew) and reservations (cancel)."""

import datetime

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import queryUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory

from rt.infodoc import _
from rt.infodoc.circulation.account import member
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.reminders.texts import french_date

RESERVATION_STATES = {
    "en-attente": _("en attente"),
    "disponible": _("à retirer"),
    "en-transit": _("en chemin vers le lieu de retrait"),
}


def site_titles(context):
    factory = queryUtility(IVocabularyFactory, "rt.infodoc.relay_sites")
    if factory is None:
        return {}
    return {term.value: str(term.title).split(" — ", 1)[0] for term in factory(context)}


def records_by_uid(uids):
    catalog = api.portal.get_tool("portal_catalog")
    return (
        {brain.UID: brain for brain in catalog.unrestrictedSearchResults(UID=list(uids))}
        if uids
        else {}
    )


class AccountView(BrowserView):
    template = ViewPageTemplateFile("templates/account.pt")
    message = None
    error = None

    def __call__(self):
        self.borrower = member.borrower_for(self.context)
        form = self.request.form
        if self.borrower is not None and self.request.method == "POST":
            CheckAuthenticator(self.request)
            self._act(form)
        return self.template()

    def tr(self, message):
        return translate(message, context=self.request)

    def date(self, day):
        return french_date(day, self.tr)

    def _act(self, form):
        desk = member.desk(self.context, self.request)
        try:
            if form.get("renouveler"):
                loan = desk.renew(form["renouveler"], card=self.borrower.id)
                self.message = self.tr(
                    _(
                        "Prêt prolongé : à rendre le ${date}.",
                        mapping={"date": self.date(loan.due)},
                    )
                )
            elif form.get("annuler"):
                desk.cancel_reservation(form["annuler"], card=self.borrower.id)
                self.message = self.tr(_("Réservation annulée."))
        except CirculationError as exc:
            self.error = member.refusal_text(exc, self.request)
            import transaction

            transaction.doom()  # nothing half-written

    def loans(self):
        store = member.store(self.context)
        loans = sorted(store.loans_of(self.borrower.id), key=lambda loan: (loan.due, loan.barcode))
        brains = records_by_uid({loan.uid for loan in loans})
        today = datetime.date.today()
        rows = [
            {
                "barcode": loan.barcode,
                "title": brains[loan.uid].Title if loan.uid in brains else loan.barcode,
                "url": brains[loan.uid].getURL() if loan.uid in brains else None,
                "due": self.date(loan.due),
                "late": loan.due < today,
                "renewals": loan.renewals,
            }
            for loan in loans
        ]
        for row in rows:
            row["renew_label"] = self.tr(_("Prolonger ${title}", mapping={"title": row["title"]}))
        return rows

    def reservations(self):
        store = member.store(self.context)
        mine = sorted(store.reservations_of(self.borrower.id), key=lambda r: r.created)
        brains = records_by_uid({r.uid for r in mine})
        sites = site_titles(self.context)
        rows = []
        for reservation in mine:
            queue = [r.id for r in store.queue(reservation.uid)]
            rank = queue.index(reservation.id) + 1 if reservation.id in queue else None
            state = self.tr(RESERVATION_STATES.get(reservation.status, reservation.status))
            if reservation.status == "disponible" and reservation.expires:
                state = self.tr(
                    _(
                        "${state} jusqu'au ${date}",
                        mapping={"state": state, "date": self.date(reservation.expires)},
                    )
                )
            elif reservation.status == "en-attente" and rank:
                state = self.tr(
                    _("${state} (rang ${rank})", mapping={"state": state, "rank": rank})
                )
            brain = brains.get(reservation.uid)
            title = brain.Title if brain else reservation.uid
            rows.append(
                {
                    "id": reservation.id,
                    "title": title,
                    "cancel_label": self.tr(
                        _("Annuler la réservation de ${title}", mapping={"title": title})
                    ),
                    "url": brain.getURL() if brain else None,
                    "site": sites.get(reservation.pickup_site, reservation.pickup_site),
                    "state": state,
                }
            )
        return rows
