"""The oai_key values order records by (datestamp, UID) as strings."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone

from rt.infodoc.oaiprovider.identifiers import make_identifier
from rt.infodoc.oaiprovider.identifiers import uid_of
from rt.infodoc.oaiprovider.keys import after_key
from rt.infodoc.oaiprovider.keys import lower_bound
from rt.infodoc.oaiprovider.keys import make_key
from rt.infodoc.oaiprovider.keys import split_key
from rt.infodoc.oaiprovider.keys import upper_bound

T = datetime(2024, 3, 1, 9, 30, 15, tzinfo=UTC)
A, B = "0" * 31 + "a", "f" * 32


def test_key_round_trip_and_order():
    key = make_key(T, A)
    assert key == f"2024-03-01T09:30:15Z/{A}"
    assert split_key(key) == (T, A)
    keys = [make_key(T + timedelta(seconds=1), A), make_key(T, B), make_key(T, A)]
    assert sorted(keys) == [make_key(T, A), make_key(T, B), make_key(T + timedelta(seconds=1), A)]


def test_local_time_is_written_in_utc():
    paris = timezone(timedelta(hours=2))
    assert make_key(datetime(2024, 3, 1, 11, 30, 15, tzinfo=paris), A) == make_key(T, A)


def test_bounds_include_the_whole_second():
    assert lower_bound(T) <= make_key(T, A) <= upper_bound(T)
    assert make_key(T, B) <= upper_bound(T) < make_key(T + timedelta(seconds=1), A)
    assert make_key(T - timedelta(seconds=1), B) < lower_bound(T)
    assert lower_bound(None) is None and upper_bound(None) is None


def test_after_key_of_our_identifier_and_of_a_foreign_one():
    ours = make_identifier("rt-infodoc", A)
    assert after_key((T, ours), lambda i: uid_of("rt-infodoc", i)) == make_key(T, A)
    foreign = after_key((T, "oai:ailleurs:1"), lambda i: uid_of("rt-infodoc", i))
    assert make_key(T, B) < foreign < make_key(T + timedelta(seconds=1), A)
    assert after_key(None, lambda i: None) is None


def test_identifiers():
    assert make_identifier("rt-infodoc", A) == f"oai:rt-infodoc:{A}"
    assert uid_of("rt-infodoc", f"oai:rt-infodoc:{A}") == A
    assert uid_of("rt-infodoc", f"oai:autre:{A}") is None
    assert uid_of("rt-infodoc", "oai:rt-infodoc:../etc") is None
    assert uid_of("rt-infodoc", "oai:rt-infodoc:" + A.upper()) is None
