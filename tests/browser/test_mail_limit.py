"""The anonymous e-mail limit of the basket (pure Python, a hand-moved clock)."""

from rt.infodoc.browser.mail_limit import SendLimit


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_client_gets_its_quota_then_is_refused():
    limit = SendLimit(per_client=3, per_site=10, window=3600, clock=Clock())
    assert [limit.allow("10.0.0.1") for _ in range(4)] == [True, True, True, False]


def test_other_clients_keep_their_own_quota():
    limit = SendLimit(per_client=2, per_site=10, window=3600, clock=Clock())
    limit.allow("10.0.0.1")
    limit.allow("10.0.0.1")
    assert not limit.allow("10.0.0.1")
    assert limit.allow("10.0.0.2")


def test_the_site_quota_stops_many_clients():
    limit = SendLimit(per_client=5, per_site=3, window=3600, clock=Clock())
    assert [limit.allow(f"10.0.0.{n}") for n in range(4)] == [True, True, True, False]


def test_sends_older_than_the_window_no_longer_count():
    clock = Clock()
    limit = SendLimit(per_client=1, per_site=10, window=3600, clock=clock)
    assert limit.allow("10.0.0.1")
    clock.now += 3599
    assert not limit.allow("10.0.0.1")
    clock.now += 1
    assert limit.allow("10.0.0.1")


def test_a_refused_send_is_not_counted():
    clock = Clock()
    limit = SendLimit(per_client=1, per_site=10, window=3600, clock=clock)
    limit.allow("10.0.0.1")
    for _ in range(5):
        limit.allow("10.0.0.1")
    clock.now += 3600
    assert limit.allow("10.0.0.1")
