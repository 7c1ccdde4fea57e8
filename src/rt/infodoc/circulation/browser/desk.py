"""The desk: lend, return, renew and record visits, from the keyboard or a scanner.

Every action is a POST of a small form whose field a scanner fills (it types
the code and Enter); the page answers at once with the result and the focus
in the field for the next code. The current borrower travels as a hidden
field of the forms, never in the URL (no card number in access logs), and so does the batch: the ids
of the loans lent, renewed or returned for that borrower since the card was
scanned, which the receipt sent by e-mail lists (circulation/receipt.py).
"""

from datetime import date

import transaction
from plone import api
from Products.Five.browser import BrowserView

from rt.infodoc import _
from rt.infodoc.circulation import receipt
from rt.infodoc.circulation import receipt_mail
from rt.infodoc.circulation import settings
from rt.infodoc.circulation.browser.common import SITE_COOKIE
from rt.infodoc.circulation.browser.common import CirculationPage
from rt.infodoc.circulation.browser.common import fmt_date
from rt.infodoc.circulation.browser.common import titles_of
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.rules import statuses
from rt.infodoc.circulation.texts import refused

KIND_TITLES = {"personne": _("Personne"), "structure": _("Structure")}
RESERVATION_TITLES = {
    "en-attente": _("En attente"),
    "disponible": _("Disponible"),
    "en-transit": _("En transit"),
}

ACTIONS = (
    "chercher",
    "preter",
    "prolonger",
    "rendre",
    "visite",
    "site",
    "reserver",
    "annuler",
    "transferer",
    "recu",
)

MAX_MATCHES = 20  # readers listed for a name search; the page says how many more


class DeskView(BrowserView, CirculationPage):
    def __call__(self):
        self.done = []  # French sentences of what was done
        self.errors = []
        self.override = None  # {"barcode":, "texts":} when a reason may pass a rule
        self.renew_offer = ""  # a copy scanned again for the reader who has it
        self.matches = []  # borrowers found by a name search (the first MAX_MATCHES)
        self.match_count = 0  # ... out of so many
        self.focus = "lecteur"
        self.card = (self.request.form.get("lecteur") or "").strip()
        self.batch = receipt.batch_ids(self.request.form.get("lot")) if self.card else []
        if self.check_post():
            action = self.request.form.get("action")
            unknown = self.unknown_site()
            if unknown is not None:
                self.errors = [refused("unknown_site", self.request, site=unknown)]
            elif action in ACTIONS:
                getattr(self, f"do_{action}")()
        return self.index()

    def unknown_site(self):
        """A site code sent by the form (or kept in the desk's cookie) that is
        not one of the sites: the action is refused, never done at another site."""
        if self.staff_site():
            return None
        chosen = self.request.form.get("site") or self.request.cookies.get(SITE_COOKIE)
        if chosen and chosen not in settings.site_codes():
            return str(chosen)
        return None

    # ---------------------------------------------------------------- helpers

    @property
    def portal(self):
        return api.portal.get()

    def desk(self):
        return settings.desk_for(self.portal)

    def store(self):
        return settings.store_of(self.portal)

    def _refused(self, error):
        """Nothing of a refused action stays written (not even a store created)."""
        transaction.abort()
        self.errors = self.error_texts(error)

    def borrower(self):
        return self.store().borrower(self.card) if self.card else None

    def lot(self):
        """The batch for the forms' hidden field "lot"."""
        return receipt.batch_text(self.batch)

    def _add_to_batch(self, loan):
        if loan is not None and self.card and loan.borrower_id == self.card:
            if loan.id not in self.batch:
                self.batch.append(loan.id)

    # ---------------------------------------------------------------- actions

    def do_site(self):
        site = self.request.form.get("site")
        if site in settings.site_codes():  # an unknown code never gets here
            self.remember_site(site)
        self.focus = "lecteur" if not self.card else "exemplaire"

    def do_chercher(self):
        text = (self.request.form.get("recherche") or "").strip()
        self.focus = "lecteur"
        self.batch = []  # another reader: another receipt
        if not text:
            return
        store = self.store()
        exact = store.borrower(text) or store.borrower(text.upper())
        if exact is not None:
            self.card = exact.id
            self.focus = "exemplaire"
            return
        found = store.find_borrowers(text, limit=None)
        self.match_count = len(found)
        self.matches = found[:MAX_MATCHES]
        if len(self.matches) == 1:
            self.card = self.matches[0].id
            self.matches = []
            self.focus = "exemplaire"
        elif not self.matches:
            self.card = ""
            self.errors = [refused("unknown_borrower", self.request, code=text)]

    def do_preter(self):
        barcode = (self.request.form.get("exemplaire") or "").strip()
        reason = (self.request.form.get("motif") or "").strip()
        self.focus = "exemplaire"
        if not barcode:
            return
        try:
            loan = self.desk().lend(barcode, self.card, self.desk_site(), override=reason)
        except CirculationError as error:
            title = self._copy_title(barcode) if error.overridable else ""
            self._refused(error)
            if error.overridable:
                self.override = {
                    "barcode": barcode,
                    "title": title,
                    "texts": self.errors,
                }
                self.errors = []
                self.focus = "motif"
            for refusal in error.refusals:
                if refusal.code == "already_lent_to_borrower":  # the « Prolonger » button
                    self.renew_offer = refusal.mapping["barcode"]
            return
        self._add_to_batch(loan)
        title = titles_of([loan.uid]).get(loan.uid, {}).get("title", loan.barcode)
        self.done.append(
            self.tr(
                _(
                    "Prêté : ${title} (${barcode}), à rendre le ${date}.",
                    mapping=dict(title=title, barcode=loan.barcode, date=fmt_date(loan.due)),
                )
            )
        )

    def _copy_title(self, barcode):
        """The title of the record a copy belongs to ('' for an unknown barcode);
        read before a refusal aborts the transaction."""
        copy = self.store().copy(barcode)
        uid = getattr(copy, "uid", "")
        return titles_of([uid]).get(uid, {}).get("title", "") if uid else ""

    def match_details(self, borrower):
        """ "Usager · Montauban · jusqu'au 31/12/2027": what tells namesakes apart."""
        parts = [
            settings.category_titles().get(borrower.category, borrower.category),
            self.site_title(borrower.home_site),
        ]
        if borrower.expires:
            parts.append(
                self.tr(_("jusqu'au ${date}", mapping={"date": fmt_date(borrower.expires)}))
            )
        return " · ".join(part for part in parts if part)

    def do_prolonger(self):
        barcode = (self.request.form.get("exemplaire") or "").strip()
        reason = (self.request.form.get("motif") or "").strip()
        self.focus = "exemplaire"
        try:
            loan = self.desk().renew(barcode, override=reason)
        except CirculationError as error:
            title = self._copy_title(barcode) if error.overridable else ""
            self._refused(error)
            if error.overridable:
                self.override = {
                    "barcode": barcode,
                    "title": title,
                    "texts": self.errors,
                    "renew": True,
                }
                self.errors = []
                self.focus = "motif"
            return
        self._add_to_batch(loan)
        self.done.append(
            self.tr(
                _(
                    "Prolongé : ${barcode}, à rendre le ${date}.",
                    mapping=dict(barcode=loan.barcode, date=fmt_date(loan.due)),
                )
            )
        )

    def do_rendre(self):
        barcode = (self.request.form.get("retour") or "").strip()
        self.focus = "retour"
        if not barcode:
            return
        try:
            loan = self.desk().give_back(barcode, self.desk_site())
        except CirculationError as error:
            self._refused(error)
            return
        self._add_to_batch(loan)
        copy = self.store().copy(barcode)
        title = titles_of([copy.uid]).get(copy.uid, {}).get("title", copy.barcode)
        late = loan is not None and loan.due and loan.due < date.today()
        where = self.where_next(copy)
        mapping = {"title": title, "barcode": copy.barcode, "where": where}
        if loan is None:
            message = _("Reçu : ${title} (${barcode}). ${where}", mapping=mapping)
        elif late:
            mapping["days"] = (date.today() - loan.due).days
            message = _(
                "Rendu : ${title} (${barcode}). ${where} En retard de ${days} jours.",
                mapping=mapping,
            )
            if mapping["days"] == 1:
                message = _(
                    "Rendu : ${title} (${barcode}). ${where} En retard d'un jour.", mapping=mapping
                )
        else:
            message = _("Rendu : ${title} (${barcode}). ${where}", mapping=mapping)
        self.done.append(self.tr(message))

    def do_recu(self):
        """E-mail the receipt of the batch (nothing is written: a failure loses nothing)."""
        self.focus = "exemplaire" if self.card else "lecteur"
        try:
            address = receipt_mail.send_receipt(
                self.portal,
                self.store(),
                self.card,
                self.batch,
                self.desk_site(),
                request=self.request,
            )
        except receipt_mail.ReceiptNotSent as error:
            self.errors = [self.tr(error.message)]
            return
        self.done.append(self.tr(_(receipt_mail.SENT, mapping={"email": address})))

    def where_next(self, copy):
        if copy.status == statuses.RESERVE:
            borrower = self.store().borrower(copy.held_for)
            name = borrower.name if borrower else copy.held_for
            return self.tr(
                _("À mettre de côté pour ${name} (réservation).", mapping=dict(name=name))
            )
        if copy.status == statuses.EN_TRANSIT:
            return self.tr(
                _("À envoyer à ${site}.", mapping=dict(site=self.site_title(copy.transit_to)))
            )
        return self.tr(
            _("À ranger en rayon (${call}).", mapping=dict(call=copy.call_number or "-"))
        )

    def do_visite(self):
        try:
            self.desk().record_visit(self.desk_site(), card=self.card or None)
        except CirculationError as error:
            self._refused(error)
            return
        self.done.append(
            self.tr(
                _(
                    "Visite enregistrée à ${site}.",
                    mapping=dict(site=self.site_title(self.desk_site())),
                )
            )
        )

    def do_reserver(self):
        """Reserve for the current reader the record of a scanned copy."""
        barcode = (self.request.form.get("document") or "").strip()
        pickup = self.request.form.get("retrait") or None
        reason = (self.request.form.get("motif") or "").strip()
        self.focus = "document"
        copy = self.store().copy(barcode)
        if copy is None:
            self._refused(CirculationError.of("unknown_copy", barcode=barcode))
            return
        try:
            reservation = self.desk().reserve(copy.uid, self.card, pickup, override=reason)
        except CirculationError as error:
            self._refused(error)
            return
        title = titles_of([copy.uid]).get(copy.uid, {}).get("title", barcode)
        self.done.append(
            self.tr(
                _(
                    "Réservé : ${title}, à retirer à ${site}.",
                    mapping=dict(title=title, site=self.site_title(reservation.pickup_site)),
                )
            )
        )

    def do_annuler(self):
        try:
            self.desk().cancel_reservation(self.request.form.get("reservation"), card=self.card)
        except CirculationError as error:
            self._refused(error)
            return
        self.done.append(self.tr(_("Réservation annulée.")))

    def do_transferer(self):
        barcode = (self.request.form.get("transfert") or "").strip()
        to_site = self.request.form.get("destination") or ""
        self.focus = "transfert"
        try:
            transfer = self.desk().transfer(barcode, to_site, self.desk_site())
        except CirculationError as error:
            self._refused(error)
            return
        self.done.append(
            self.tr(
                _(
                    "En transit : ${barcode} part pour ${site}.",
                    mapping=dict(barcode=transfer.barcode, site=self.site_title(transfer.to_site)),
                )
            )
        )

    def transit(self):
        """Copies travelling to or from the desk's site, the longest on the way first."""
        store = self.store()
        site = self.desk_site()
        transfers = sorted(
            store.transfers_in("en-transit", site), key=lambda t: (t.sent is None, t.sent)
        )
        titles = titles_of([store.copy(t.barcode).uid for t in transfers if store.copy(t.barcode)])
        return [
            {
                "barcode": t.barcode,
                "title": titles.get(getattr(store.copy(t.barcode), "uid", ""), {}).get("title", ""),
                "from": self.site_title(t.from_site),
                "to": self.site_title(t.to_site),
                "sent": fmt_date(t.sent.date() if t.sent else None),
            }
            for t in transfers
        ]

    # ---------------------------------------------------------------- page data

    def matches_cut(self):
        """ "Les 20 premiers sur 34 : …" when a name search finds more than listed."""
        if self.match_count <= len(self.matches):
            return ""
        return self.tr(
            _(
                "Les ${shown} premiers sur ${count} : précisez la recherche "
                "(nom et prénom, ou numéro de carte).",
                mapping={"shown": len(self.matches), "count": self.match_count},
            )
        )

    def reader(self):
        borrower = self.borrower()
        if borrower is None:
            return None
        today = date.today()
        return {
            "card": borrower.id,
            "name": borrower.name,
            "kind": self.tr(
                KIND_TITLES["structure" if borrower.kind == "structure" else "personne"]
            ),
            "category": self.category_title(borrower.category),
            "site": self.site_title(borrower.home_site),
            "expires": fmt_date(borrower.expires),
            "expired": bool(borrower.expires and borrower.expires < today),
            "blocked": borrower.blocked,
            "email": borrower.email,
        }

    def loans(self):
        borrower = self.borrower()
        if borrower is None:
            return []
        store = self.store()
        loans = sorted(store.loans_of(borrower.id), key=lambda loan: loan.due)
        titles = titles_of([loan.uid for loan in loans])
        today = date.today()
        return [
            {
                "barcode": loan.barcode,
                "title": titles.get(loan.uid, {}).get("title", loan.barcode),
                "due": fmt_date(loan.due),
                "late": loan.due < today,
                "renewals": loan.renewals,
                "site": self.site_title(loan.site),
            }
            for loan in loans
        ]

    def reservations(self):
        borrower = self.borrower()
        if borrower is None:
            return []
        reservations = self.store().reservations_of(borrower.id)
        titles = titles_of([r.uid for r in reservations])
        return [
            {
                "id": r.id,
                "title": titles.get(r.uid, {}).get("title", ""),
                "status": self.tr(RESERVATION_TITLES[r.status])
                if r.status in RESERVATION_TITLES
                else r.status,
                "site": self.site_title(r.pickup_site),
                "until": fmt_date(r.expires),
            }
            for r in reservations
        ]

    def today(self):
        return fmt_date(date.today())

    def current_site_title(self):
        return self.site_title(self.desk_site())
