"""POST @recu: e-mail the receipt of a batch of desk operations to the borrower."""

from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.circulation import receipt
from rt.infodoc.circulation import receipt_mail
from rt.infodoc.circulation import settings
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.services.base import BadInput
from rt.infodoc.circulation.services.base import CirculationService

# the reader's fault (400) or the mail server's (503)
SERVER_CODES = ("mail_not_configured", "mail_not_sent")


class ReceiptPost(CirculationService):
    """{"card", "loans"?, "site"?} -> {"receipt": {"to", "loans"}}.

    ``loans``: the ids of the loans of the batch (the ``loan.id`` of the answers
    of @pret, @prolongation and @retour); only that borrower's are listed. The
    receipt always lists the borrower's current loans."""

    def operation(self, params):
        card = self.text(params, "card")
        loans = params.get("loans") or []
        if not isinstance(loans, list) or not all(
            isinstance(i, int) or (isinstance(i, str) and i.isdigit()) for i in loans
        ):
            raise BadInput(
                _(
                    "Le champ « loans » doit être une liste de numéros de prêt, par exemple [12, 13]."
                )
            )
        site = self.text(params, "site", required=False) or settings.staff_site() or "toulouse"
        if site not in settings.site_codes():
            raise CirculationError.of("unknown_site", site=site)
        store = self.store()
        if store.borrower(card) is None:
            raise CirculationError.of("unknown_borrower", code=card)
        ids = receipt.batch_ids(" ".join(str(i) for i in loans))
        try:
            address = receipt_mail.send_receipt(
                self.context, store, card, ids, site, request=self.request
            )
        except receipt_mail.ReceiptNotSent as error:
            reply = self._error(
                "ReceiptNotSent", [translate(error.message, context=self.request)], [error.code]
            )
            if error.code in SERVER_CODES:
                self.request.response.setStatus(503)
            return reply
        return {
            "receipt": {
                "to": address,
                "loans": [loan.id for loan in receipt_mail.batch_loans(store, card, ids)],
                "message": translate(
                    _(receipt_mail.SENT, mapping={"email": address}), context=self.request
                ),
            }
        }
