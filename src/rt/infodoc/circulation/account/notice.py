"""On a Notice page: a logged-in borrower reserves the record or renews their
loan of it (viewlet below the content; the form posts to @@reserver)."""

from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.base.utils import safe_text
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.circulation.account import member
from rt.infodoc.circulation.account.view import site_titles
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.reminders.texts import french_date


class ReserveViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/notice_viewlet.pt")

    def update(self):
        super().update()
        self.borrower = None
        if api.user.is_anonymous():
            return
        self.borrower = member.borrower_for(api.portal.get())
        if self.borrower is None:
            return
        store = member.store(api.portal.get())
        uid = self.context.UID()
        self.copies = list(store.copies_of(uid))
        self.my_loans = [loan for loan in store.loans_of(self.borrower.id) if loan.uid == uid]
        self.my_reservation = next(
            (r for r in store.reservations_of(self.borrower.id) if r.uid == uid), None
        )

    def render(self):
        if self.borrower is None or not self.copies:
            return ""
        return self.index()

    def sites(self):
        titles = site_titles(self.context)
        home = self.borrower.home_site
        return [
            {"value": code, "title": title, "selected": code == home}
            for code, title in titles.items()
        ]

    def due(self, loan):
        return french_date(loan.due, lambda message: translate(message, context=self.request))


class ReserveView(BrowserView):
    """POST target of the viewlet: reserve or renew, then back to the Notice."""

    def __call__(self):
        messages = IStatusMessage(self.request)
        url = self.context.absolute_url()
        if self.request.method != "POST":
            return self.request.response.redirect(url)
        CheckAuthenticator(self.request)
        portal = api.portal.get()
        borrower = member.borrower_for(portal)
        if borrower is None:
            messages.add(
                translate(
                    _(
                        "Votre compte n'est relié à aucune carte d'emprunteur : adressez-vous "
                        "au service documentation."
                    ),
                    context=self.request,
                ),
                type="error",
            )
            return self.request.response.redirect(url)
        desk = member.desk(portal, self.request)
        form = self.request.form
        try:
            if form.get("renouveler"):
                loan = desk.renew(form["renouveler"], card=borrower.id)
                message = _(
                    "Prêt prolongé : à rendre le ${date}.",
                    mapping={
                        "date": french_date(
                            loan.due, lambda message: translate(message, context=self.request)
                        )
                    },
                )
                messages.add(translate(message, context=self.request), type="info")
            else:
                site = safe_text(form.get("retrait", "")) or None
                desk.reserve(self.context.UID(), borrower.id, pickup_site=site)
                message = _(
                    "Réservation enregistrée : vous serez prévenu quand le document vous attendra."
                )
                messages.add(translate(message, context=self.request), type="info")
        except CirculationError as exc:
            import transaction

            transaction.doom()
            messages.add(member.refusal_text(exc, self.request), type="error")
        return self.request.response.redirect(url)
