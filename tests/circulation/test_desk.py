"""The desk's operations on an in-memory store: every rule, override, renewal,
reservation queue and transfer (no Zope: milliseconds)."""

from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest
import zope.event

from circulation.deskfixtures import _no_site_subscribers  # noqa: F401
from circulation.deskfixtures import add_borrower
from circulation.deskfixtures import add_copy
from circulation.deskfixtures import make_desk
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.interfaces import ICirculationEvent
from rt.infodoc.circulation.rules import statuses


@pytest.fixture
def desk():
    desk = make_desk()
    add_borrower(desk, "L001", category="adherent")
    add_borrower(desk, "L002", category="stagiaire")
    for n in range(1, 4):
        add_copy(desk, f"B00{n}", uid=f"notice-{n}")
    return desk


@pytest.fixture
def fired():
    seen = []

    def handler(event):
        if ICirculationEvent.providedBy(event):
            seen.append(type(event).__name__)

    zope.event.subscribers.append(handler)
    yield seen
    zope.event.subscribers.remove(handler)


def refused(call, *args, **kwargs):
    with pytest.raises(CirculationError) as info:
        call(*args, **kwargs)
    return info.value


def snapshot(desk):
    s = desk.store
    return (
        dict(s.loans),
        len(s.history),
        len(s.reservations),
        len(s.transfers),
        {b: (c.status, c.held_for, c.transit_to, c.site) for b, c in s.copies.items()},
    )


def test_lend_sets_due_date_status_and_fires_events(desk, fired):
    loan = desk.lend("B001", "L001")
    assert loan.due == date(2027, 1, 4)  # 28 days -> Monday 4 January
    assert desk.store.copy("B001").status == statuses.EN_PRET
    assert desk.store.loans_of("L001") == [loan]
    assert loan.category == "adherent" and loan.site == "toulouse" and loan.staff == "doc"
    assert fired == ["LoanEvent", "CopyStatusEvent"]


def test_double_loan_refused_and_nothing_written(desk):
    desk.lend("B001", "L001")
    before = snapshot(desk)
    error = refused(desk.lend, "B001", "L002", override="je force")
    assert error.codes == ["already_on_loan"]
    assert "déjà en prêt" in error.texts()[0]
    assert snapshot(desk) == before


def test_unknown_barcode_and_borrower(desk):
    assert refused(desk.lend, "NOPE", "L001").codes == ["unknown_copy"]
    assert refused(desk.lend, "B001", "X999").codes == ["unknown_borrower"]
    assert not desk.store.loans


def test_expired_borrower_refused_then_overridden_with_reason(desk):
    add_borrower(desk, "L003", expires=date(2026, 9, 1))
    error = refused(desk.lend, "B001", "L003")
    assert error.codes == ["borrower_expired"] and error.overridable
    assert "01/09/2026" in error.texts()[0]
    assert refused(desk.lend, "B001", "L003", override="  ").codes == ["borrower_expired"]
    loan = desk.lend("B001", "L003", override="Réinscription en cours")
    assert loan.overridden == ["borrower_expired"]
    assert loan.override == "Réinscription en cours"


def test_max_loans_per_category(desk):
    for n in range(4, 7):
        add_copy(desk, f"B00{n}", uid=f"notice-{n}")
    for n in (1, 2, 3):
        desk.lend(f"B00{n}", "L002")  # stagiaire: 3 loans
    error = refused(desk.lend, "B004", "L002")
    assert error.codes == ["max_loans"]
    assert "a déjà 3 prêts en cours" in error.texts()[0]
    assert desk.lend("B004", "L002", override="Formation de groupe").overridden == ["max_loans"]


def test_stagiaire_loan_is_shorter(desk):
    assert desk.lend("B001", "L002").due == date(2026, 12, 28)


def test_never_lent_and_not_for_loan(desk):
    add_copy(desk, "P1", status=statuses.PERDU)
    add_copy(desk, "R1", status=statuses.SUR_PLACE)
    assert refused(desk.lend, "P1", "L001", override="quand même").codes == ["never_lent"]
    error = refused(desk.lend, "R1", "L001")
    assert error.codes == ["not_for_loan"] and "Consultation sur place" in error.texts()[0]
    assert desk.lend("R1", "L001", override="Prêt exceptionnel au relais").overridden == [
        "not_for_loan"
    ]


def test_latest_periodical_issue_not_lent(desk):
    add_copy(desk, "N42", uid="numero-42", doc_type="periodique", latest_issue=True)
    assert refused(desk.lend, "N42", "L001").codes == ["latest_issue"]
    loan = desk.lend("N42", "L001", override="Le prochain numéro est arrivé")
    assert loan.due == date(2026, 12, 21)  # periodicals: 14 days


def test_mallette_longer_through_a_relay_site(desk):
    add_copy(desk, "M1", uid="mallette-1", doc_type="mallette", site="foix")
    add_copy(desk, "M2", uid="mallette-2", doc_type="mallette")
    assert desk.lend("M1", "L001", site="foix").due == date(2027, 2, 1)  # 56 days
    # at the centre the mallette rule says nothing of the length: the
    # stagiaire's own 21 days apply
    assert desk.lend("M2", "L002", site="toulouse").due == date(2026, 12, 28)


def test_mallettes_counted_apart_from_books(desk):
    add_copy(desk, "M1", uid="mallette-1", doc_type="mallette")
    add_copy(desk, "M2", uid="mallette-2", doc_type="mallette")
    desk.lend("B001", "L001")
    desk.lend("M1", "L001")
    assert refused(desk.lend, "M2", "L001").codes == ["max_loans"]  # one mallette at the centre


def test_due_date_moves_off_closed_days(desk):
    desk.clock.when = datetime(2026, 10, 14, 9, 0)
    # 28 days -> Wednesday 11 November (public holiday) -> Thursday 12
    assert desk.lend("B001", "L001").due == date(2026, 11, 12)


def test_renewal_count_and_refusals(desk):
    loan = desk.lend("B001", "L002")  # stagiaire: no renewal
    desk.clock.when += timedelta(days=7)
    error = refused(desk.renew, "B001")
    assert error.codes == ["no_renewals_left"]
    desk.renew("B001", override="Stage prolongé")
    assert loan.renewals == 1 and loan.overridden == ["no_renewals_left"]


def test_renewal_moves_due_date_from_today(desk):
    loan = desk.lend("B001", "L001")
    desk.clock.when += timedelta(days=20)
    desk.renew("B001")
    assert loan.renewals == 1
    assert loan.due == desk.calendar.due_date(desk.today(), 28)
    desk.clock.when += timedelta(days=2)  # the next day would keep the date (a weekend)
    desk.renew("B001")
    desk.clock.when += timedelta(days=1)
    assert refused(desk.renew, "B001").codes == ["no_renewals_left"]  # adherent: 2


def test_renewal_refused_when_overdue_or_reserved(desk):
    loan = desk.lend("B001", "L001")
    desk.reserve("notice-1", "L002")
    desk.clock.when += timedelta(days=10)
    assert refused(desk.renew, "B001").codes == ["renew_reserved"]
    desk.clock.when += timedelta(days=40)
    assert set(refused(desk.renew, "B001").codes) == {"renew_reserved", "renew_overdue"}
    assert loan.renewals == 0


def test_renew_a_copy_not_on_loan(desk):
    assert refused(desk.renew, "B001").codes == ["not_on_loan"]


def test_return_puts_the_copy_back_on_the_shelf(desk, fired):
    desk.lend("B001", "L001")
    desk.clock.when += timedelta(days=3)
    loan = desk.give_back("B001")
    assert loan.returned == desk.clock.when and loan.return_site == "toulouse"
    assert desk.store.loan("B001") is None and desk.store.loans_of("L001") == []
    assert desk.store.copy("B001").status == statuses.DISPONIBLE
    assert list(desk.store.history.values()) == [loan]
    assert "ReturnEvent" in fired
    assert refused(desk.give_back, "B001").codes == ["not_on_loan"]


def test_return_at_a_relay_sends_the_copy_home(desk):
    desk.lend("B001", "L001")
    desk.give_back("B001", site="albi")
    copy = desk.store.copy("B001")
    assert copy.status == statuses.EN_TRANSIT and copy.transit_to == "toulouse"
    (transfer,) = desk.store.transfers_in()
    assert (transfer.from_site, transfer.to_site, transfer.reason) == ("albi", "toulouse", "retour")
    desk.receive("B001", "toulouse")
    assert copy.status == statuses.DISPONIBLE and transfer.status == "recu"
    assert desk.store.transfers_in() == []


def test_reservation_queue_serves_readers_in_order(desk, fired):
    add_borrower(desk, "L003", category="usager")
    desk.lend("B001", "L001")
    first = desk.reserve("notice-1", "L002")
    desk.clock.when += timedelta(minutes=1)
    second = desk.reserve("notice-1", "L003")
    assert [r.borrower_id for r in desk.store.queue("notice-1")] == ["L002", "L003"]
    assert first.status == second.status == "en-attente"
    desk.give_back("B001")
    copy = desk.store.copy("B001")
    assert copy.status == statuses.RESERVE and copy.held_for == "L002"
    assert first.status == "disponible" and first.expires == date(2026, 12, 14)
    assert "ReservationReadyEvent" in fired
    # held for L002: not for anyone else
    assert refused(desk.lend, "B001", "L003").codes == ["reserved_for_other"]
    desk.lend("B001", "L002")
    assert first.status == "retiree"
    assert [r.borrower_id for r in desk.store.queue("notice-1")] == ["L003"]


def test_uncollected_reservation_passes_to_the_next(desk):
    add_borrower(desk, "L003", category="usager")
    desk.lend("B001", "L001")
    first = desk.reserve("notice-1", "L002")
    desk.clock.when += timedelta(minutes=1)
    second = desk.reserve("notice-1", "L003")
    desk.give_back("B001")
    desk.clock.when += timedelta(days=7)
    assert desk.expire_reservations() == []  # last day: still kept
    desk.clock.when += timedelta(days=1)
    assert desk.expire_reservations() == [first]
    assert first.status == "expiree" and second.status == "disponible"
    assert desk.store.copy("B001").held_for == "L003"
    assert desk.expire_reservations() == []  # safe to run twice


def test_reservation_at_another_pickup_site_travels(desk):
    add_borrower(desk, "L009", category="relais", home_site="rodez")
    reservation = desk.reserve("notice-2", "L009")  # copy on the shelf at the centre
    copy = desk.store.copy("B002")
    assert reservation.pickup_site == "rodez" and reservation.status == "en-transit"
    assert copy.status == statuses.EN_TRANSIT and copy.transit_to == "rodez"
    desk.receive("B002", "rodez")
    assert copy.status == statuses.RESERVE and reservation.status == "disponible"
    loan = desk.lend("B002", "L009", site="rodez")
    assert loan.site == "rodez"
    desk.give_back("B002", site="rodez")
    assert copy.status == statuses.EN_TRANSIT and copy.transit_to == "toulouse"


def test_reservation_refusals(desk):
    desk.lend("B001", "L001")
    assert refused(desk.reserve, "notice-1", "L001").codes == ["already_borrowed"]
    desk.reserve("notice-2", "L001")
    assert refused(desk.reserve, "notice-2", "L001").codes == ["already_reserved"]
    desk.reserve("notice-2", "L002")
    assert refused(desk.reserve, "notice-3", "L002").codes == ["max_reservations"]
    assert refused(desk.reserve, "nothing", "L001").codes == ["nothing_to_reserve"]
    assert refused(desk.reserve, "notice-3", "L001", pickup_site="paris").codes == ["unknown_site"]


def test_cancel_reservation_only_by_its_reader(desk):
    reservation = desk.reserve("notice-2", "L001")
    assert desk.store.copy("B002").status == statuses.RESERVE
    assert refused(desk.cancel_reservation, reservation.id, card="L002").codes == [
        "reservation_other_borrower"
    ]
    desk.cancel_reservation(reservation.id, card="L001")
    assert reservation.status == "annulee"
    assert desk.store.copy("B002").status == statuses.DISPONIBLE
    assert refused(desk.cancel_reservation, reservation.id).codes == ["reservation_not_found"]


def test_transfer_between_sites(desk, fired):
    transfer = desk.transfer("B003", "cahors")
    copy = desk.store.copy("B003")
    assert copy.status == statuses.EN_TRANSIT and transfer.reason == "demande"
    assert refused(desk.transfer, "B003", "lyon").codes == ["unknown_site"]
    desk.receive("B003", "cahors")
    assert copy.site == "cahors" and copy.status == statuses.DISPONIBLE
    assert transfer.status == "recu" and transfer.received == desk.clock.when
    assert refused(desk.receive, "B003", "cahors").codes == ["transfer_not_found"]
    assert fired.count("TransferEvent") == 2


def test_transfer_of_a_lent_copy_refused(desk):
    desk.lend("B001", "L001")
    assert refused(desk.transfer, "B001", "foix").codes == ["copy_on_loan"]


def test_relay_staff_limited_to_their_site():
    desk = make_desk(staff_site="foix")
    add_borrower(desk, "L001")
    add_copy(desk, "F1", site="foix")
    assert refused(desk.lend, "F1", "L001", site="toulouse").codes == ["site_forbidden"]
    loan = desk.lend("F1", "L001")
    assert loan.site == "foix"


def test_visits(desk, fired):
    visit = desk.record_visit()
    assert visit.site == "toulouse" and visit.borrower_id is None and not visit.first
    add_borrower(desk, "L010", category="usager")
    desk.store.borrower("L010").created = desk.today()
    visit = desk.record_visit(card="L010")
    assert visit.first and visit.category == "usager"
    assert len(list(desk.store.visits_between())) == 2
    assert fired.count("VisitEvent") == 2


def test_return_of_a_copy_lent_before_circulation(desk):
    add_copy(desk, "OLD1", status=statuses.EN_PRET)  # an imported "En prêt", no loan here
    assert desk.give_back("OLD1") is None
    assert desk.store.copy("OLD1").status == statuses.DISPONIBLE


def test_an_unknown_site_is_refused_everywhere_and_nothing_written(desk):
    """A site code that is not one of the sites never reaches a loan, a return,
    a transit, a visit or the figures."""
    before = snapshot(desk)
    assert refused(desk.lend, "B001", "L001", site="paris").codes == ["unknown_site"]
    assert refused(desk.record_visit, site="lune").codes == ["unknown_site"]
    assert refused(desk.overdue, site="lune").codes == ["unknown_site"]
    assert snapshot(desk) == before and len(desk.store.visits) == 0
    desk.lend("B001", "L001")
    before = snapshot(desk)
    error = refused(desk.give_back, "B001", site="lune")
    assert error.codes == ["unknown_site"] and error.texts() == ["Site inconnu : « lune »."]
    assert snapshot(desk) == before and desk.store.copy("B001").status == statuses.EN_PRET
    desk.transfer("B002", "albi")
    assert refused(desk.receive, "B002", site="lune").codes == ["unknown_site"]
    assert desk.store.copy("B002").transit_to == "albi"
    assert desk.overdue(site="albi") == [] and desk.overdue() == []


@pytest.mark.parametrize(
    "value,first",
    [(True, True), (False, False), ("true", True), ("false", False), ("1", True), ("0", False),
     ("on", True), ("off", False), ("oui", True), ("non", False), ("Non", False), (1, True),
     (0, False), ("", False), (None, False)],
)  # fmt: skip
def test_a_visit_says_first_or_not_strictly(desk, value, first):
    assert desk.record_visit(first=value).first is first


@pytest.mark.parametrize("value", ["peut-être", "nope", 2, [True], {"x": 1}, 0.5])
def test_a_visit_refuses_what_is_not_yes_or_no(desk, value):
    error = refused(desk.record_visit, first=value)
    assert error.codes == ["not_a_flag"] and not error.overridable
    assert error.texts()[0].startswith("Le champ « first » attend oui ou non (true ou false)")
    assert len(desk.store.visits) == 0


def test_a_transfer_to_where_the_copy_already_is_or_goes_is_refused():
    desk = make_desk(site_titles={"toulouse": "Toulouse", "albi": "Albi"})
    add_copy(desk, "B013", site="toulouse")
    before = snapshot(desk)
    error = refused(desk.transfer, "B013", "toulouse")
    assert error.codes == ["already_at_site"] and not error.overridable
    assert error.texts() == ["L'exemplaire B013 est déjà à Toulouse : il n'y a rien à envoyer."]
    assert snapshot(desk) == before
    desk.transfer("B013", "albi")
    before = snapshot(desk)
    error = refused(desk.transfer, "B013", "albi")
    assert error.texts() == ["L'exemplaire B013 est déjà en transit vers Albi."]
    assert snapshot(desk) == before and len(desk.store.transfers) == 1
    # on its way to Albi, it may still be called back home
    desk.transfer("B013", "toulouse")
    assert desk.store.copy("B013").transit_to == "toulouse"


def test_a_copy_received_at_its_new_site_is_not_sent_there_again(desk):
    desk.transfer("B003", "cahors")
    desk.receive("B003", "cahors")
    assert refused(desk.transfer, "B003", "cahors").codes == ["already_at_site"]


def test_a_renewal_that_would_not_move_the_due_date_is_too_soon(desk):
    """On the day of the loan a renewal would keep the same due date and spend
    one of the reader's renewals: refused, with the first day it moves the date."""
    loan = desk.lend("B001", "L001")  # Monday 7 December 2026: due Monday 4 January
    assert loan.due == date(2027, 1, 4)
    error = refused(desk.renew, "B001")
    assert error.codes == ["renew_too_soon"] and not error.overridable
    assert error.texts() == [
        "Trop tôt pour prolonger le prêt de B001 : à rendre le 04/01/2027, "
        "il peut être prolongé à partir du 08/12/2026."
    ]
    assert refused(desk.renew, "B001", override="Demande du lecteur").codes == ["renew_too_soon"]
    assert (loan.renewals, loan.due) == (0, date(2027, 1, 4))
    desk.clock.when += timedelta(days=1)
    assert desk.renew("B001").due > date(2027, 1, 4) and loan.renewals == 1


def test_too_soon_names_the_first_day_the_date_moves(desk):
    """Due on a Saturday pushed to the Monday by the calendar: renewing on the
    Saturday before still lands on that Monday; the day after moves it."""
    from rt.infodoc.circulation.rules.calendar import Calendar
    from rt.infodoc.circulation.rules.check import first_renewal_day

    calendar = Calendar()  # closed on Saturdays and Sundays
    due = date(2027, 1, 4)  # a Monday
    assert first_renewal_day(due, 28, calendar, date(2026, 12, 5)) == date(2026, 12, 8)
    assert calendar.due_date(date(2026, 12, 5), 28) == due  # 2 January, a Saturday


def test_a_copy_scanned_again_for_its_reader_says_it_is_theirs(desk):
    """Not "rendez-le avant de le prêter à nouveau" nor the reader's maximum: it is
    already theirs, due on that day, and a renewal keeps it longer."""
    loan = desk.lend("B001", "L002")  # stagiaire: three loans at most
    desk.lend("B002", "L002")
    desk.lend("B003", "L002")
    before = snapshot(desk)
    error = refused(desk.lend, "B001", "L002")
    assert error.codes == ["already_lent_to_borrower"] and not error.overridable
    assert error.texts() == [
        "L'exemplaire B001 est déjà prêté à Lecteur L002, à rendre le "
        f"{loan.due:%d/%m/%Y} : pour le garder plus longtemps, prolongez-le."
    ]
    assert snapshot(desk) == before
    # another reader still hears that the copy is out
    assert refused(desk.lend, "B001", "L001").codes == ["already_on_loan"]
