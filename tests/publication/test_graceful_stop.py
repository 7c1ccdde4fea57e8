"""publication/graceful_stop.py: SIGTERM and Ctrl-C let the requests under way
end, send IProcessStopping, then stop the server as Ctrl-C does.

Real signals, sent to this process: the handler runs in the main thread, as in
the server, while a request runs in another thread."""

import os
import signal
import threading
import time

import pytest
import zope.component.event  # noqa: F401  zope.event's notify reaches the handlers, as in Zope
from zope.component import getGlobalSiteManager

from rt.infodoc.interfaces import IProcessStopping
from rt.infodoc.publication import graceful_stop


@pytest.fixture
def handlers():
    """Python's own handlers during the test, and the ones found after it."""
    saved = {signum: signal.getsignal(signum) for signum in graceful_stop.SIGNALS}
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    graceful_stop._served.clear()
    yield
    graceful_stop._served.clear()
    for signum, handler in saved.items():
        signal.signal(signum, handler)


@pytest.fixture
def stopping_events():
    heard = []

    def hear(event):
        heard.append((event, time.monotonic()))

    registry = getGlobalSiteManager()
    registry.registerHandler(hear, (IProcessStopping,))
    yield heard
    registry.unregisterHandler(hear, (IProcessStopping,))


def slow_app(seconds):
    ended = []

    def app(environ, start_response):
        time.sleep(seconds)
        ended.append(time.monotonic())
        start_response("200 OK", [])
        return [b"ok"]

    return app, ended


def test_requests_go_through_and_are_counted(handlers):
    app, _ended = slow_app(0)
    served = graceful_stop.install(app)
    assert served({}, lambda status, headers: None) == [b"ok"]
    assert served.count == 0
    assert served.wait_idle(0)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_waits_for_the_request_under_way(handlers, stopping_events, signum):
    app, ended = slow_app(0.5)
    served = graceful_stop.install(app)
    assert signal.getsignal(signum) is graceful_stop.stop
    request = threading.Thread(target=served, args=({}, lambda status, headers: None))
    request.start()
    time.sleep(0.1)
    assert served.count == 1
    with pytest.raises(KeyboardInterrupt):  # waitress ends its loop as for Ctrl-C
        os.kill(os.getpid(), signum)
        time.sleep(5)  # the handler interrupts this sleep
    request.join()
    ((event, heard_at),) = stopping_events
    assert IProcessStopping.providedBy(event)
    assert heard_at >= ended[0]  # the event came once the request had ended
    # a second signal stops at once, without waiting
    with pytest.raises(SystemExit):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)


def test_handlers_someone_else_set_stay(handlers):
    def theirs(signum, frame):
        pass

    signal.signal(signal.SIGTERM, theirs)
    graceful_stop.install(slow_app(0)[0])
    assert signal.getsignal(signal.SIGTERM) is theirs
    assert signal.getsignal(signal.SIGINT) is graceful_stop.stop


def test_only_the_main_thread_sets_handlers(handlers):
    installed = []
    thread = threading.Thread(
        target=lambda: installed.append(graceful_stop.install(slow_app(0)[0]))
    )
    thread.start()
    thread.join()
    assert installed  # the requests are still counted
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_failing_subscriber_does_not_keep_the_process_running(handlers):
    def broken(event):
        raise RuntimeError("broken")

    registry = getGlobalSiteManager()
    registry.registerHandler(broken, (IProcessStopping,))
    try:
        graceful_stop.install(slow_app(0)[0])
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
    finally:
        registry.unregisterHandler(broken, (IProcessStopping,))
