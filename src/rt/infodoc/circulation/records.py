"""The persistent records of the store; their fields are the shapes of interfaces.py."""

from persistent import Persistent
from zope.interface import implementer

from rt.infodoc.circulation import interfaces
from rt.infodoc.circulation.rules import statuses


class _Record(Persistent):
    _defaults = {}

    def __init__(self, **fields):
        for name, value in self._defaults.items():
            setattr(self, name, list(value) if isinstance(value, list) else value)
        for name, value in fields.items():
            setattr(self, name, value)

    def __getattr__(self, name):
        # a field added in a later version reads as its default on an old record
        defaults = type(self)._defaults
        if name in defaults:
            value = defaults[name]
            return list(value) if isinstance(value, list) else value
        raise AttributeError(name)

    def as_dict(self):
        return {name: getattr(self, name) for name in self._defaults}


@implementer(interfaces.ICopy)
class Copy(_Record):
    _defaults = {
        "barcode": "",
        "uid": "",
        "call_number": "",
        "site": "toulouse",
        "section": "",
        "status": statuses.DISPONIBLE,
        "notes": "",
        "doc_type": "",
        "latest_issue": False,
        "transit_to": "",
        "held_for": "",
        "imported": False,
    }


@implementer(interfaces.IBorrower)
class Borrower(_Record):
    _defaults = {
        "id": "",
        "kind": "personne",
        "name": "",
        "category": "usager",
        "email": "",
        "phone": "",
        "structure": "",
        "home_site": "toulouse",
        "membership_year": None,
        "expires": None,
        "member_id": "",
        "blocked": "",
        "created": None,
        "notes": "",
    }


@implementer(interfaces.ILoan)
class Loan(_Record):
    _defaults = {
        "id": 0,
        "barcode": "",
        "uid": "",
        "doc_type": "",
        "borrower_id": None,
        "category": "",
        "site": "",
        "start": None,
        "due": None,
        "renewals": 0,
        "returned": None,
        "return_site": "",
        "override": "",
        "overridden": [],
        "staff": "",
        "reminders": [],
    }


@implementer(interfaces.IReservation)
class Reservation(_Record):
    _defaults = {
        "id": 0,
        "uid": "",
        "borrower_id": "",
        "pickup_site": "toulouse",
        "created": None,
        "status": "en-attente",
        "barcode": "",
        "ready_on": None,
        "expires": None,
    }

    OPEN = ("en-attente", "disponible", "en-transit")


@implementer(interfaces.ITransfer)
class Transfer(_Record):
    _defaults = {
        "id": 0,
        "barcode": "",
        "from_site": "",
        "to_site": "",
        "reason": "demande",
        "status": "en-transit",
        "sent": None,
        "received": None,
    }


@implementer(interfaces.IVisit)
class Visit(_Record):
    _defaults = {
        "id": 0,
        "when": None,
        "site": "toulouse",
        "borrower_id": None,
        "category": "",
        "first": False,
    }
