"""Two desks lend the same copy at the same moment, through two Zope processes
sharing one ZEO server: exactly one loan, a clear French message at the other.
And the availability the other process searches follows a loan and a return
within a second (the follower of the process that lent, follower.py), even
when that process is told to stop just as it lends (graceful_stop.py).

Real parts: a ZEO server, two Zopes served by runwsgi from the instance's own
configuration, concurrent REST requests over HTTP. Each loan pauses between its
checks and its writes (RT_INFODOC_LEND_PAUSE) so that both requests have read
"not on loan" before either commits: the second commit must be refused by the
store (a write conflict on the copy's key), retried, and answered "déjà en prêt".
"""

import os
import threading
import time

import pytest
import requests
from live_servers import Zeo
from live_servers import free_port
from live_servers import listening
from live_servers import serve

ADMIN = ("admin", "admin")
COPIES = 4

SETUP = """
import json
import transaction
from datetime import date
from AccessControl.SecurityManagement import newSecurityManager
from zope.component.hooks import setSite
from plone import api
from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation.store import get_store
site = app["Plone"]
setSite(site)
site.portal_registry["collective.solr.active"] = False  # never a developer's Solr
newSecurityManager(None, app.acl_users.getUser("admin").__of__(app.acl_users))
api.content.create(
    container=site["fonds"], type="Notice", id="disputed", title="Disputed",
    items=[{"barcode": f"RTC{n}", "call_number": "374"} for n in range(COUNT)],
)
api.content.create(
    container=site["fonds"], type="Notice", id="followed", title="Followed",
    items=[{"barcode": "RTF0", "call_number": "374"}],
)
store = get_store(site, create=True)
cards = [borrowers.add_borrower(store, name=name, category="relais", expires=date(2099, 1, 1)).id
         for name in ("Desk A reader", "Desk B reader")]
transaction.commit()
print("RESULT" + json.dumps(cards))
"""

STATE = """
import json
from zope.component.hooks import setSite
from rt.infodoc.circulation.store import get_store
site = app["Plone"]
setSite(site)
store = get_store(site)
print("RESULT" + json.dumps({
    "loans": {b: l.borrower_id for b, l in store.loans.items()},
    "history": sorted(l.barcode for l in store.history.values()),
    "statuses": sorted({c.status for c in store.copies.values() if c.barcode.startswith("RTC")}),
}))
"""


@pytest.fixture(scope="module")
def two_zopes(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    zeo = Zeo(var, free_port())
    zeo.env["RT_INFODOC_LEND_PAUSE"] = "0.4"
    zeo.render_instance()
    zeo.start()
    processes = []
    try:
        zeo.create_site("--no-demo")
        cards = zeo.zconsole(SETUP.replace("COUNT", str(COPIES)))
        ports = [free_port(), free_port()]
        processes = [serve(zeo, port) for port in ports]
        for port, process in zip(ports, processes, strict=True):
            listening(port, process)
        yield zeo, [f"http://127.0.0.1:{port}/Plone" for port in ports], cards, processes
    finally:
        for process in processes:
            if process.poll() is None:  # the last test stops the first one itself
                os.killpg(process.pid, 15)
                process.wait(timeout=60)
        zeo.stop()


def test_one_copy_two_desks_one_loan(two_zopes):
    zeo, bases, cards, _processes = two_zopes
    answers = {}
    for n in range(COPIES):
        barrier = threading.Barrier(2)

        def lend(desk, barcode=f"RTC{n}", barrier=barrier):
            barrier.wait()
            answers[(barcode, desk)] = requests.post(
                f"{bases[desk]}/@pret",
                json={"barcode": barcode, "card": cards[desk]},
                headers={"Accept": "application/json"},
                auth=ADMIN,
                timeout=60,
            )

        threads = [threading.Thread(target=lend, args=(desk,)) for desk in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    state = zeo.zconsole(STATE)
    assert sorted(state["loans"]) == [f"RTC{n}" for n in range(COPIES)]
    assert state["history"] == sorted(f"RTC{n}" for n in range(COPIES))  # one loan each
    assert state["statuses"] == ["en-pret"]
    for n in range(COPIES):
        barcode = f"RTC{n}"
        pair = [answers[(barcode, desk)] for desk in (0, 1)]
        assert sorted(r.status_code for r in pair) == [200, 400], [r.text for r in pair]
        winner = next(desk for desk in (0, 1) if pair[desk].status_code == 200)
        loser = pair[1 - winner].json()["error"]
        assert state["loans"][barcode] == cards[winner]
        assert loser["codes"] == ["already_on_loan"]
        assert loser["message"].startswith(f"L'exemplaire {barcode} est déjà en prêt")


def _found(base, availability):
    """How many records the catalog finds with id "followed" and `availability`."""
    answer = requests.get(
        f"{base}/@search",
        params={"getId": "followed", "availability": availability},
        headers={"Accept": "application/json"},
        auth=ADMIN,
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["items_total"]


def _seconds_until(base, availability, limit=5.0):
    started = time.monotonic()
    while _found(base, availability) != 1:
        assert time.monotonic() - started < limit, f"never {availability}"
        time.sleep(0.05)
    return time.monotonic() - started


def test_the_other_process_finds_the_new_availability_within_a_second(two_zopes):
    _zeo, bases, cards, _processes = two_zopes
    assert _found(bases[1], "empruntable") == 1
    for path, body, availability in (
        ("@pret", {"barcode": "RTF0", "card": cards[0]}, "en-pret"),
        ("@retour", {"barcode": "RTF0"}, "empruntable"),
    ):
        answer = requests.post(
            f"{bases[0]}/{path}",
            json=body,
            headers={"Accept": "application/json"},
            auth=ADMIN,
            timeout=60,
        )
        assert answer.status_code == 200, answer.text
        assert _seconds_until(bases[1], availability) < 1.0


def test_a_process_told_to_stop_ends_its_loan_and_reindexes_it(two_zopes):
    """SIGTERM (systemd, docker stop) while a loan is under way: the loan ends
    and is answered, the follower reindexes it, then the process exits. Killed at
    once, as before, the desk got no answer and the search said "empruntable"
    until the daily reconciliation. Runs last: it stops the first Zope."""
    _zeo, bases, cards, processes = two_zopes
    assert _found(bases[1], "empruntable") == 1
    answers = []

    def lend():  # each loan pauses 0.4 s between its checks and its writes
        answers.append(
            requests.post(
                f"{bases[0]}/@pret",
                json={"barcode": "RTF0", "card": cards[0]},
                headers={"Accept": "application/json"},
                auth=ADMIN,
                timeout=60,
            )
        )

    desk = threading.Thread(target=lend)
    desk.start()
    time.sleep(0.25)  # the loan is in its pause
    os.killpg(processes[0].pid, 15)
    desk.join()
    assert processes[0].wait(timeout=60) == 0  # it stopped, it was not killed
    (answer,) = answers
    assert answer.status_code == 200, answer.text
    assert _seconds_until(bases[1], "en-pret") < 1.0
