"""UTC datestamps: parsing, granularity, formatting."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest

from rt.infodoc.oaiprovider.engine import datestamps


@pytest.mark.parametrize(
    "value,gran", [("2024-02-29", datestamps.DAYS), ("2024-02-29T23:59:59Z", datestamps.SECONDS)]
)
def test_granularity(value, gran):
    assert datestamps.granularity_of(value) == gran


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-29",
        "2024-01-01T24:00:00Z",
        "2024-01-01\n",
        "2024-01-01T10:00:00",
        "2024-01-01T10:00:00+01:00",
        "２０２４-01-01",
        "2024-1-1",
        "",
    ],
)
def test_invalid(value):
    with pytest.raises(datestamps.DatestampError):
        datestamps.parse(value)


def test_until_day_means_its_last_second():
    assert datestamps.parse("2024-03-01", end_of_day=True) == datetime(
        2024, 3, 1, 23, 59, 59, tzinfo=UTC
    )


def test_format_converts_to_utc_and_drops_microseconds():
    paris = timezone(timedelta(hours=2))
    when = datetime(2024, 6, 1, 0, 30, 15, 999999, tzinfo=paris)
    assert datestamps.format(when) == "2024-05-31T22:30:15Z"
    assert datestamps.format(when, datestamps.DAYS) == "2024-05-31"
    assert datestamps.format(datetime(2024, 6, 1, 8)) == "2024-06-01T08:00:00Z"  # naive = UTC
