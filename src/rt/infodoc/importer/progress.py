"""A plain-character progress bar on stderr (pure Python).

Redrawn at most every ``interval`` seconds; when the stream is not a terminal,
only the final line is written.
"""

import sys
import time


class Progress:
    def __init__(
        self,
        total=None,
        stream=None,
        interval=0.5,
        width=30,
        clock=time.monotonic,
        tty=None,
        label="notices",
    ):
        self.total = total
        self.stream = stream or sys.stderr
        self.interval = interval
        self.width = width
        self.clock = clock
        self.tty = self.stream.isatty() if tty is None else tty
        self.label = label
        self.started = clock()
        self.last_draw = None
        self.done = 0
        self.draws = 0

    def rate(self, now=None) -> float:
        elapsed = (now if now is not None else self.clock()) - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self, now=None) -> str:
        rate = self.rate(now)
        if self.total:
            ratio = min(1.0, self.done / self.total)
            filled = int(ratio * self.width)
            bar = "#" * filled + "-" * (self.width - filled)
            return (
                f"[{bar}] {self.done}/{self.total} {self.label} "
                f"{ratio * 100:5.1f} % {rate:,.0f}/s".replace(",", " ")
            )
        return f"{self.done} {self.label} {rate:,.0f}/s".replace(",", " ")

    def update(self, done: int):
        self.done = done
        if not self.tty:
            return
        now = self.clock()
        if self.last_draw is not None and now - self.last_draw < self.interval:
            return
        self.last_draw = now
        self.draws += 1
        self.stream.write("\r" + self.line(now))
        self.stream.flush()

    def finish(self):
        now = self.clock()
        prefix = "\r" if self.tty else ""
        self.stream.write(prefix + self.line(now) + "\n")
        self.stream.flush()
