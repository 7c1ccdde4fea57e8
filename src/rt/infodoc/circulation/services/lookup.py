"""GET services: a borrower, borrowers found, a copy, the overdue loans."""

from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.services import serialize
from rt.infodoc.circulation.services.base import CirculationService


class BorrowerGet(CirculationService):
    """POST {"card"} -> the borrower, their loans and open reservations."""

    def operation(self, params):
        store = self.store()
        card = self.text(params, "card")
        borrower = store.borrower(card)
        if borrower is None:
            raise CirculationError.of("unknown_borrower", code=card)
        return {
            "borrower": serialize.record(borrower),
            "loans": [serialize.loan(loan) for loan in store.loans_of(borrower.id)],
            "reservations": [serialize.record(r) for r in store.reservations_of(borrower.id)],
        }


class BorrowersGet(CirculationService):
    """POST {"q"} -> borrowers whose card, name, e-mail or structure matches."""

    def operation(self, params):
        found = self.store().find_borrowers(self.text(params, "q"), limit=50)
        return {"items": [serialize.record(b) for b in found], "items_total": len(found)}


class CopyGet(CirculationService):
    """?barcode= -> the copy and its current loan."""

    def operation(self, params):
        store = self.store()
        barcode = self.text(params, "barcode")
        copy = store.copy(barcode)
        if copy is None:
            raise CirculationError.of("unknown_copy", barcode=barcode)
        return {"copy": serialize.copy(copy, self.request, store.loan(copy.barcode))}


class OverdueGet(CirculationService):
    """?site= -> the loans past their due date (a site's code, or every site)."""

    def operation(self, params):
        loans = self.desk().overdue(self.text(params, "site", required=False) or None)
        return {"items": [serialize.loan(loan) for loan in loans], "items_total": len(loans)}
