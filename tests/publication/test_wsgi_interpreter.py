"""publication/wsgi_interpreter.py: once the filter is made, a full collection
walks only what came after start-up, and requests go through."""

import gc
import signal

import pytest

from rt.infodoc.publication import graceful_stop
from rt.infodoc.publication.wsgi_interpreter import make_filter


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    saved = {signum: signal.getsignal(signum) for signum in graceful_stop.SIGNALS}
    yield
    gc.unfreeze()
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def test_the_filter_freezes_what_exists_and_lets_requests_through(unfrozen):
    tracked = len(gc.get_objects())  # what a full collection walks
    assert gc.get_freeze_count() == 0

    def app(environ, start_response):
        return [b"zope"]

    served = make_filter({})(app)
    assert served({}, None) == [b"zope"]
    assert served.app is app  # counted for a graceful stop (test_graceful_stop.py)
    assert gc.get_freeze_count() > tracked // 2
    # what the next full collections walk: only the objects made since
    assert len(gc.get_objects()) < tracked // 10
    kept = [[n] for n in range(1000)]  # lists: objects the collector tracks
    assert len(gc.get_objects()) >= 1000  # what comes after start-up is still walked
    del kept
