"""The contract of circulation: its store, its records and its events.

Other parts (reminders, "Mon compte", figures, demo data, benchmarks) use
only what is declared here:

- ``get_store(portal)`` (circulation/store.py) gives the ``ICirculationStore``
  kept in the site (ZODB BTrees, docs/circulation.md says why);
- ``circulation.desk`` (``lend``, ``give_back``, ``renew``, ``reserve``,
  ``cancel_reservation``, ``expire_reservations``, ``transfer``, ``receive``,
  ``record_visit``) is the only way anything changes: it checks the rules,
  writes, and fires the events below; on a refusal it raises
  ``CirculationError`` and writes nothing;
- ``circulation.availability`` is what public pages read (never a borrower):
  ``copy_rows(store, uid)`` for a Notice page, ``earliest_returns(uids)``
  (uid -> the earliest due date of a record whose copies are all out) for a
  page of search results;
- subscribers listen to the events (``zope.component.adapter(ILoanEvent)``),
  never to the store's internals.

Records are persistent objects whose attributes are the fields of the
``I...`` shapes below; treat them as read-only outside the desk.
"""

from zope import schema
from zope.interface import Attribute
from zope.interface import Interface

# ------------------------------------------------------------------ records


class ICopy(Interface):
    """A physical copy (exemplaire) of a Notice, a periodical issue or a mallette."""

    barcode = schema.TextLine(title="Code-barres", description="Unique in the site; the key.")
    uid = schema.TextLine(title="UID of the Notice, NumeroPeriodique or Mallette")
    call_number = schema.TextLine(title="Cote", required=False)
    site = schema.TextLine(title="Localisation: a code of rt.infodoc.relay_sites")
    section = schema.TextLine(title="Section", required=False)
    status = schema.TextLine(title="A code of rules.statuses.STATUSES")
    notes = schema.Text(title="Notes", required=False)
    doc_type = schema.TextLine(title="Document type code (of the record)", required=False)
    latest_issue = schema.Bool(title="Latest issue of a periodical (never lent)")
    transit_to = schema.TextLine(title="Site the copy travels to (status en-transit)")
    held_for = schema.TextLine(title="Card of the borrower it waits for (status reserve)")
    imported = schema.Bool(title="Came from a MARC 995/852 field")


class IBorrower(Interface):
    """A reader: a person or a structure (association, local authority, State service)."""

    id = schema.TextLine(title="Card number (scanned at the desk); the key")
    kind = schema.Choice(title="Kind", values=("personne", "structure"))
    name = schema.TextLine(title="Name (person: 'Nom Prénom'; structure: its name)")
    category = schema.TextLine(title="adherent, usager, stagiaire, relais...")
    email = schema.TextLine(title="E-mail", required=False)
    phone = schema.TextLine(title="Phone", required=False)
    structure = schema.TextLine(title="Structure of a person", required=False)
    home_site = schema.TextLine(title="Home relay site code")
    membership_year = schema.Int(title="Year of membership", required=False)
    expires = schema.Date(title="Membership expiry", required=False)
    member_id = schema.TextLine(title="Plone member id (Mon compte)", required=False)
    blocked = schema.TextLine(title="Reason the account is suspended ('' = not)")
    created = schema.Date(title="Registered on (first visit)")
    notes = schema.Text(title="Staff notes", required=False)


class ILoan(Interface):
    """A loan, current (in ``store.loans``) or closed (in the history only)."""

    id = schema.Int(title="Key in the history")
    barcode = schema.TextLine(title="Copy")
    uid = schema.TextLine(title="UID of the lent record")
    doc_type = schema.TextLine(title="Document type at the time of the loan")
    borrower_id = schema.TextLine(title="Card; None once anonymised", required=False)
    category = schema.TextLine(title="Borrower category (kept after anonymisation)")
    site = schema.TextLine(title="Site that lent")
    start = schema.Datetime(title="Lent at")
    due = schema.Date(title="Due date")
    renewals = schema.Int(title="Renewals so far")
    returned = schema.Datetime(title="Returned at (None: still out)", required=False)
    return_site = schema.TextLine(title="Site that took it back", required=False)
    override = schema.TextLine(title="Reason given to pass over a rule ('' = none)")
    overridden = schema.List(title="Codes of the rules passed over", value_type=schema.TextLine())
    staff = schema.TextLine(title="User id of the desk (kept, not personal to the reader)")
    reminders = schema.List(title="Reminder levels sent: [(level, datetime)]")


class IReservation(Interface):
    id = schema.Int(title="Key")
    uid = schema.TextLine(title="Reserved record (any of its copies will do)")
    borrower_id = schema.TextLine(title="Card")
    pickup_site = schema.TextLine(title="Where the reader collects it")
    created = schema.Datetime(title="Placed at (queue order)")
    status = schema.Choice(
        title="State",
        values=("en-attente", "disponible", "en-transit", "retiree", "annulee", "expiree"),
    )
    barcode = schema.TextLine(title="Copy held for it (status disponible / en-transit)")
    ready_on = schema.Date(title="On the pickup shelf since", required=False)
    expires = schema.Date(title="Last day to collect it", required=False)


class ITransfer(Interface):
    id = schema.Int(title="Key")
    barcode = schema.TextLine(title="Copy")
    from_site = schema.TextLine(title="From")
    to_site = schema.TextLine(title="To")
    reason = schema.Choice(title="Why", values=("reservation", "retour", "demande"))
    status = schema.Choice(title="State", values=("en-transit", "recu", "annule"))
    sent = schema.Datetime(title="Sent at")
    received = schema.Datetime(title="Received at", required=False)


class IVisit(Interface):
    id = schema.Int(title="Key")
    when = schema.Datetime(title="When")
    site = schema.TextLine(title="Site")
    borrower_id = schema.TextLine(title="Card or None (anonymous visit)", required=False)
    category = schema.TextLine(title="Borrower category or ''")
    first = schema.Bool(title="A first visit (premier accueil)")


# ------------------------------------------------------------------ the store


class ICirculationStore(Interface):
    """Copies, borrowers, loans, reservations, transfers and visits of one site.

    Read methods only: writes go through circulation.desk. Its BTrees are
    attributes too (``copies``, ``borrowers``, ``loans``, ``history``,
    ``reservations``, ``transfers``, ``visits``, the last four keyed by
    ``store.new_id(when)``: the record's time in milliseconds << 16 | 16
    random bits, so they sort by
    time) for readers that walk a range (figures)."""

    def copy(barcode):
        """The ICopy with this barcode, or None."""

    def copies_of(uid):
        """ICopy list of a record (Notice, issue, mallette), by barcode."""

    def search_copies(text, limit=20):
        """Copies whose barcode or call number starts with `text`."""

    def borrower(card):
        """The IBorrower with this card number, or None."""

    def find_borrowers(text, limit=20):
        """Borrowers whose card, name, e-mail or structure contain every word of
        `text` (accents and case folded), the card typed first, then in French
        order; every one when `limit` is None."""

    def all_borrowers():
        """Every IBorrower (attribute ``borrowers`` is the BTree card -> IBorrower)."""

    def loan(barcode):
        """The current ILoan of a copy, or None."""

    def loans_of(card):
        """Current ILoans of a borrower."""

    def current_loans():
        """Every current ILoan."""

    def overdue(today, site=None):
        """Current ILoans due before `today` (lent at `site` if given)."""

    def history_between(start=None, end=None):
        """Every ILoan (current and closed) started in [start, end) (datetimes)."""

    def history_of(card):
        """ILoans of a borrower, current and closed (not the anonymised ones)."""

    def reservation(rid):
        """An IReservation by id, or None."""

    def queue(uid):
        """Open IReservations of a record, oldest first."""

    def reservations_of(card):
        """Open IReservations of a borrower."""

    def transfers_in(status="en-transit", site=None):
        """ITransfers in this state (towards or from `site` if given)."""

    def visits_between(start=None, end=None):
        """IVisits in [start, end) (datetimes)."""


# ------------------------------------------------------------------ events


class ICirculationEvent(Interface):
    site = Attribute("The Plone site")
    copy = Attribute("The ICopy concerned, or None (visit, reservation placed)")
    borrower = Attribute("The IBorrower concerned, or None")


class ILoanEvent(ICirculationEvent):
    loan = Attribute("The new ILoan")


class IReturnEvent(ICirculationEvent):
    loan = Attribute("The closed ILoan (returned and return_site set)")
    reservation = Attribute("The IReservation the copy now serves, or None")


class IRenewEvent(ICirculationEvent):
    loan = Attribute("The ILoan, its due date moved")


class IReserveEvent(ICirculationEvent):
    reservation = Attribute("The new IReservation")


class IReservationReadyEvent(ICirculationEvent):
    """A copy waits on the pickup shelf for a reader (tell them)."""

    reservation = Attribute("The IReservation, status disponible")


class IReservationEndEvent(ICirculationEvent):
    """A reservation was cancelled or expired (not collected in time)."""

    reservation = Attribute("The IReservation, status annulee or expiree")


class ITransferEvent(ICirculationEvent):
    transfer = Attribute("The ITransfer (sent or received)")


class IVisitEvent(ICirculationEvent):
    visit = Attribute("The new IVisit")


class ICopyStatusEvent(ICirculationEvent):
    """The availability of a record changed (its copies' statuses)."""

    uid = Attribute("UID of the record whose availability changed")


class IBorrowerErasedEvent(Interface):
    site = Attribute("The Plone site")
    card = Attribute("The card number that no longer exists")
