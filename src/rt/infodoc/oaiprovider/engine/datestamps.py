"""UTC datestamps as OAI-PMH writes them (protocol section 3.3)."""

import functools
import re
from datetime import UTC
from datetime import datetime

SECONDS = "YYYY-MM-DDThh:mm:ssZ"
DAYS = "YYYY-MM-DD"

_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z", re.ASCII)
_SECOND_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z", re.ASCII)


class DatestampError(ValueError):
    pass


def granularity_of(value):
    """Return DAYS or SECONDS for a well-formed datestamp, else raise."""
    if _DAY_RE.match(value):
        return DAYS
    if _SECOND_RE.match(value):
        return SECONDS
    raise DatestampError(f"not an OAI-PMH datestamp: {value!r}")


# Lists read and write many equal datestamps (records imported or modified in
# the same second): both conversions are pure, so they are memoised.
@functools.lru_cache(maxsize=4096)
def parse(value, end_of_day=False):
    """Parse a datestamp of day or second granularity into an aware UTC datetime.

    With ``end_of_day`` a day-granularity value means its last second, which is
    what an ``until`` argument means.
    """
    gran = granularity_of(value)
    try:
        # the regular expressions fixed the shape; fromisoformat is fast
        dt = datetime.fromisoformat(value[:-1] if gran == SECONDS else value)
    except ValueError as exc:
        raise DatestampError(f"not a valid date: {value!r}") from exc
    if gran == DAYS and end_of_day:
        dt = dt.replace(hour=23, minute=59, second=59)
    return dt.replace(tzinfo=UTC)


def to_utc(dt):
    """Normalise a datetime to aware UTC, second precision (naive = UTC)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).replace(microsecond=0)


@functools.lru_cache(maxsize=4096)
def format(dt, granularity=SECONDS):
    dt = to_utc(dt)
    if granularity == DAYS:
        return dt.strftime("%Y-%m-%d")
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def now():
    return to_utc(datetime.now(UTC))
