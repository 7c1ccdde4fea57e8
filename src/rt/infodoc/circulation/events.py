"""The events the desk fires (see interfaces.py); plain zope events."""

from zope.interface import implementer

from rt.infodoc.circulation import interfaces


class _Event:
    def __init__(self, site, copy=None, borrower=None, **fields):
        self.site = site
        self.copy = copy
        self.borrower = borrower
        for name, value in fields.items():
            setattr(self, name, value)


@implementer(interfaces.ILoanEvent)
class LoanEvent(_Event):
    loan = None


@implementer(interfaces.IReturnEvent)
class ReturnEvent(_Event):
    loan = None
    reservation = None


@implementer(interfaces.IRenewEvent)
class RenewEvent(_Event):
    loan = None


@implementer(interfaces.IReserveEvent)
class ReserveEvent(_Event):
    reservation = None


@implementer(interfaces.IReservationReadyEvent)
class ReservationReadyEvent(_Event):
    reservation = None


@implementer(interfaces.IReservationEndEvent)
class ReservationEndEvent(_Event):
    reservation = None


@implementer(interfaces.ITransferEvent)
class TransferEvent(_Event):
    transfer = None


@implementer(interfaces.IVisitEvent)
class VisitEvent(_Event):
    visit = None


@implementer(interfaces.ICopyStatusEvent)
class CopyStatusEvent(_Event):
    uid = None


@implementer(interfaces.IBorrowerErasedEvent)
class BorrowerErasedEvent:
    def __init__(self, site, card):
        self.site = site
        self.card = card
