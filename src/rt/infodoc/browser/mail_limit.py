"""How many bibliographies anonymous readers may send by e-mail (pure Python).

The basket's e-mail form is open to anonymous readers, so without a limit it would
be a relay for anybody's mail. ``SendLimit`` counts the sends of the last hour per
client address and for the whole site; ``allow`` says whether one more is allowed
and, when it is, records it. Counts live in the memory of the Zope process (each
client of a ZEO cluster counts its own): enough to stop a script, not a substitute
for a mail server's own limits.
"""

import threading
import time
from collections import deque

PER_CLIENT = 5  # sends per client address and window
PER_SITE = 50  # sends by all anonymous readers and window
WINDOW = 3600  # seconds


class SendLimit:
    def __init__(
        self, per_client=PER_CLIENT, per_site=PER_SITE, window=WINDOW, clock=time.monotonic
    ):
        self.per_client, self.per_site, self.window = per_client, per_site, window
        self.clock = clock
        self._lock = threading.Lock()
        self._sends = deque()  # (time, client), oldest first

    def allow(self, client):
        """True (and the send is counted) when ``client`` may send one more."""
        with self._lock:
            now = self.clock()
            while self._sends and self._sends[0][0] <= now - self.window:
                self._sends.popleft()
            if len(self._sends) >= self.per_site:
                return False
            if sum(1 for _when, who in self._sends if who == client) >= self.per_client:
                return False
            self._sends.append((now, client))
            return True

    def reset(self):
        with self._lock:
            self._sends.clear()


LIMIT = SendLimit()
