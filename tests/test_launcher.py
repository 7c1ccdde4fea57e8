"""The scripts' launcher (pure): ZEO address, the --loop clock."""

from rt.infodoc.launcher import loop
from rt.infodoc.launcher import zeo_address

CONF = """%import ZEO
%define INSTANCE /srv/var
<zodb_db main>
  <clientstorage>
    server 127.0.0.1:8100
    storage 1
  </clientstorage>
</zodb_db>
"""


def test_zeo_address():
    assert zeo_address(CONF) == ("127.0.0.1", 8100)
    assert zeo_address("<zodb_db main><filestorage>path x</filestorage></zodb_db>") is None


class Clock:
    def __init__(self):
        self.now, self.sleeps = 0.0, []

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def test_loop_runs_every_period_from_start_to_start():
    clock, statuses = Clock(), iter([0, 1, 0])

    def run():
        clock.now += 100  # a run of 100 s
        return next(statuses)

    status = loop(run, 3600, sleep=clock.sleep, clock=lambda: clock.now, rounds=3)
    assert status == 0
    assert clock.sleeps == [3500, 3500]
    assert clock.now == 3 * 100 + 2 * 3500


def test_loop_never_sleeps_a_negative_time():
    clock = Clock()

    def run():
        clock.now += 90
        return 1

    assert loop(run, 60, sleep=clock.sleep, clock=lambda: clock.now, rounds=2) == 1
    assert clock.sleeps == [0.0]
