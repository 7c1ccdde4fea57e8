"""The Server-Timing header of the search answers, written and read back (pure).

Over HTTP (the header on @recherche and /recherche, not on other pages):
tests/search/test_recherche_service.py.
"""

from rt.infodoc.services.server_timing import header_value
from rt.infodoc.services.server_timing import parse


def test_header_value_reads_back():
    value = header_value(12.34, {"solr": 3.06, "queue": 0.2})
    assert value == (
        'zope;dur=12.3;desc="Zope", queue;dur=0.2;desc="Queue", solr;dur=3.1;desc="Solr"'
    )
    assert parse(value) == {"zope": 12.3, "queue": 0.2, "solr": 3.1}
    assert parse(header_value(5, {})) == {"zope": 5.0}


def test_reading_other_servers_headers():
    assert parse("") == {} and parse(None) == {}
    assert parse("cache;desc=hit, db;dur=oops, app;dur=2") == {"app": 2.0}
