"""POST services of the desk: lend, return, renew, reserve, cancel, transfer,
receive, visit. Body: JSON; answer: the record written."""

from rt.infodoc.circulation.services import serialize
from rt.infodoc.circulation.services.base import CirculationService


class LendPost(CirculationService):
    """{"barcode", "card", "site"?, "reason"?} -> the loan."""

    def operation(self, params):
        loan = self.desk().lend(
            self.text(params, "barcode"),
            self.text(params, "card"),
            self.text(params, "site", required=False) or None,
            override=self.text(params, "reason", required=False),
        )
        return {"loan": serialize.loan(loan)}


class ReturnPost(CirculationService):
    """{"barcode", "site"?} -> the closed loan and where the copy goes."""

    def operation(self, params):
        desk = self.desk()
        loan = desk.give_back(
            self.text(params, "barcode"), self.text(params, "site", required=False) or None
        )
        copy = desk.store.copy(self.text(params, "barcode"))
        return {"loan": serialize.loan(loan), "copy": serialize.copy(copy, self.request)}


class RenewPost(CirculationService):
    """{"barcode", "reason"?} -> the loan with its new due date."""

    def operation(self, params):
        loan = self.desk().renew(
            self.text(params, "barcode"), override=self.text(params, "reason", required=False)
        )
        return {"loan": serialize.loan(loan)}


class ReservePost(CirculationService):
    """{"uid", "card", "pickup_site"?, "reason"?} -> the reservation."""

    def operation(self, params):
        reservation = self.desk().reserve(
            self.text(params, "uid"),
            self.text(params, "card"),
            self.text(params, "pickup_site", required=False) or None,
            override=self.text(params, "reason", required=False),
        )
        return {"reservation": serialize.record(reservation)}


class CancelReservationPost(CirculationService):
    """{"id", "card"?} -> the cancelled reservation; with "card", only if it is
    that borrower's (a reservation for someone else is refused)."""

    def operation(self, params):
        card = self.text(params, "card", required=False)
        reservation = self.desk().cancel_reservation(self.text(params, "id"), card=card or None)
        return {"reservation": serialize.record(reservation)}


class TransferPost(CirculationService):
    """{"barcode", "to_site"} -> the transfer."""

    def operation(self, params):
        transfer = self.desk().transfer(
            self.text(params, "barcode"),
            self.text(params, "to_site"),
            self.text(params, "site", required=False) or None,
        )
        return {"transfer": serialize.record(transfer)}


class ReceivePost(CirculationService):
    """{"barcode", "site"?} -> the transfer received and the copy."""

    def operation(self, params):
        desk = self.desk()
        barcode = self.text(params, "barcode")
        transfer = desk.receive(barcode, self.text(params, "site", required=False) or None)
        return {
            "transfer": serialize.record(transfer),
            "copy": serialize.copy(desk.store.copy(barcode), self.request),
        }


class VisitPost(CirculationService):
    """{"site"?, "card"?, "first"?} -> the visit."""

    def operation(self, params):
        visit = self.desk().record_visit(
            self.text(params, "site", required=False) or None,
            card=self.text(params, "card", required=False) or None,
            first=params.get("first"),  # read strictly by the desk (desk.flag)
        )
        return {"visit": serialize.record(visit)}
