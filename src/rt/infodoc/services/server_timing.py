"""A W3C `Server-Timing` header on the search answers: what the server itself spent.

    Server-Timing: zope;dur=12.4;desc="Zope", solr;dur=3.1;desc="Solr",
                   queue;dur=0.8;desc="Queue"

`zope` runs from the start of the Zope request (the publisher's IPubStart: before
traversal, authentication and reading the form) to its successful end (IPubSuccess:
after the view, the theme transforms and the commit, just before the answer leaves);
`solr` is the part of it spent waiting for Solr. `queue` (waitress only) is the time
before that: from the last bytes of the request received by waitress to the start
of the Zope request, i.e. waiting for a free server thread. The benchmark prints
these and the client-side figure side by side.

Only requests a search view marked (`mark(request, solr=...)`) get the header.
"""

import time

STARTED = "rt.infodoc.started"
STARTED_CPU = "rt.infodoc.started_cpu"
QUEUED = "rt.infodoc.queued"
METRICS = "rt.infodoc.server_timing"


def _received(environ):
    """When waitress received the request (time.time()), None under other servers.

    Waitress puts no arrival time in the environ; its channel (reachable from the
    `waitress.client_disconnected` callable) notes when it last received bytes.
    """
    check = environ.get("waitress.client_disconnected")
    received = getattr(getattr(check, "__self__", None), "last_activity", None)
    return received if isinstance(received, (int, float)) and received > 0 else None


def request_started(event):
    """IPubStart: note when the request began, and how long it waited before."""
    environ = event.request.environ
    environ[STARTED] = time.perf_counter()
    environ[STARTED_CPU] = time.thread_time()
    received = _received(environ)
    if received is not None:
        environ[QUEUED] = max(0.0, time.time() - received) * 1000


def mark(request, **metrics):
    """Ask for the header on this request; `metrics`: extra durations in ms."""
    environ = getattr(request, "environ", None)
    if environ is not None:
        environ.setdefault(METRICS, {}).update(
            {name: value for name, value in metrics.items() if value is not None}
        )


def header_value(total_ms, metrics):
    parts = [f'zope;dur={total_ms:.1f};desc="Zope"']
    parts += [
        f'{name};dur={value:.1f};desc="{name.capitalize()}"'
        for name, value in sorted(metrics.items())
    ]
    return ", ".join(parts)


def request_succeeded(event):
    """IPubSuccess: set the header on the marked requests."""
    environ = event.request.environ
    metrics = environ.get(METRICS)
    started = environ.get(STARTED)
    if metrics is None or started is None:
        return
    total = (time.perf_counter() - started) * 1000
    metrics = {**metrics, "cpu": (time.thread_time() - environ[STARTED_CPU]) * 1000}
    if environ.get(QUEUED) is not None:
        metrics["queue"] = environ[QUEUED]
    event.request.response.setHeader("Server-Timing", header_value(total, metrics))


def parse(value):
    """{name: duration in ms} of a Server-Timing header value."""
    durations = {}
    for metric in (value or "").split(","):
        name, *params = [part.strip() for part in metric.split(";")]
        for param in params:
            if param.startswith("dur="):
                try:
                    durations[name] = float(param[4:])
                except ValueError:
                    pass
    return durations
