"""A Zope server process stops when asked, without losing what it holds.

Without this, SIGTERM (systemd, supervisor, ``docker stop``, the tests'
``killpg``) ends the process at once, and Ctrl-C ends waitress's loop, after
which Zope closes its databases: either way, what a thread of the process had
not yet written was lost (the availability the circulation's follower was about
to reindex, follower.py).

The ``interpreter`` filter of the instance's pipeline (wsgi_interpreter.py)
calls ``install``, which puts ``stop`` on SIGTERM and SIGINT. ``stop`` runs in
the main thread, where waitress accepts connections and reads requests: while
it runs no new request comes in. It waits for the requests under way to end
(their transactions commit and hand their work to the follower), sends
``IProcessStopping`` (the follower writes what it holds), then raises
``KeyboardInterrupt``: waitress closes as for Ctrl-C, and Zope closes its
databases. A second signal while it waits stops the process at once.
"""

import logging
import signal
import threading
import time

from zope.event import notify
from zope.interface import implementer

from rt.infodoc.interfaces import IProcessStopping

logger = logging.getLogger(__name__)

# How long the stop waits for the requests under way (waitress's own shutdown
# then gives its threads 5 s more)
REQUESTS_GRACE = 10.0
SIGNALS = (signal.SIGTERM, signal.SIGINT)


@implementer(IProcessStopping)
class ProcessStopping:
    """The event ``stop`` sends."""


class InFlight:
    """A WSGI application that counts the requests under way in the one it wraps."""

    def __init__(self, app):
        self.app = app
        self.count = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.count += 1
        try:
            return self.app(environ, start_response)
        finally:
            with self.changed:
                self.count -= 1
                self.changed.notify_all()

    def wait_idle(self, timeout):
        """True once no request is under way; False after `timeout` seconds."""
        with self.changed:
            return self.changed.wait_for(lambda: self.count == 0, timeout)


_served = []  # the InFlight applications of this process


def install(app):
    """Count `app`'s requests and stop gracefully on SIGTERM and SIGINT.

    The handlers are set from the main thread only (where the WSGI server is
    built), and only over Python's defaults: a handler someone else set stays."""
    served = InFlight(app)
    _served.append(served)
    if threading.current_thread() is threading.main_thread():
        defaults = {signal.SIGTERM: signal.SIG_DFL, signal.SIGINT: signal.default_int_handler}
        for signum in SIGNALS:
            if signal.getsignal(signum) is defaults[signum]:
                signal.signal(signum, stop)
    return served


def stop(signum, frame):
    """The handler of SIGTERM and SIGINT (see the module's docstring)."""
    for other in SIGNALS:  # a second signal: stop now
        signal.signal(other, _at_once)
    name = signal.Signals(signum).name
    logger.info("%s: stopping once the requests under way have ended", name)
    started = time.monotonic()
    for served in _served:
        if not served.wait_idle(max(0.0, REQUESTS_GRACE - (time.monotonic() - started))):
            logger.warning("stopping with %d request(s) still under way", served.count)
    try:
        notify(ProcessStopping())
    except Exception:  # the process stops all the same
        logger.exception("a subscriber of the stop failed")
    logger.info("%s: stopped after %.1f s", name, time.monotonic() - started)
    raise KeyboardInterrupt(name)


def _at_once(signum, frame):
    raise SystemExit(128 + signum)
