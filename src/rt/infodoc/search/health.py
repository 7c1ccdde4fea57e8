"""Is Solr answering? A ping with a short timeout, remembered for a few seconds.

A circuit breaker shared by the whole process: while Solr is down, searches go to the
catalog without waiting for a timeout on every request; Solr is tried again after
`down_ttl` seconds. Pure Python (requests only).
"""

import threading
import time

import requests

PING_TIMEOUT = 0.7


class SolrHealth:
    def __init__(self, up_ttl=10.0, down_ttl=3.0, timeout=PING_TIMEOUT):
        self.up_ttl = up_ttl
        self.down_ttl = down_ttl
        self.timeout = timeout
        self._state = {}  # core url -> (is_up, checked_at)
        self._lock = threading.Lock()

    def ping(self, core_url):
        """Ask Solr now (no cache)."""
        try:
            response = requests.get(
                f"{core_url}/admin/ping", params={"wt": "json"}, timeout=self.timeout
            )
            return response.status_code == 200 and response.json().get("status") == "OK"
        except (requests.RequestException, ValueError):
            return False

    def is_up(self, core_url, max_age=None):
        """The remembered state, asked again when older than its time to live."""
        now = time.monotonic()
        with self._lock:
            known = self._state.get(core_url)
        if known is not None:
            up, checked = known
            ttl = max_age if max_age is not None else (self.up_ttl if up else self.down_ttl)
            if now - checked < ttl:
                return up
        up = self.ping(core_url)
        with self._lock:
            self._state[core_url] = (up, time.monotonic())
        return up

    def mark_down(self, core_url):
        """An error talking to Solr: stop trying it for `down_ttl` seconds."""
        with self._lock:
            self._state[core_url] = (False, time.monotonic())

    def forget(self):
        with self._lock:
            self._state.clear()


HEALTH = SolrHealth()
