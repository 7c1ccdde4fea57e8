"""Argument validation (OAI-PMH 2.0 sections 3.1-3.4)."""

import pytest

from rt.infodoc.oaiprovider.engine import datestamps
from rt.infodoc.oaiprovider.engine.errors import OAIError
from rt.infodoc.oaiprovider.engine.errors import OAIErrors
from rt.infodoc.oaiprovider.engine.request import parse
from rt.infodoc.oaiprovider.engine.request import parse_query


def codes(pairs, granularity=datestamps.SECONDS):
    try:
        parse(pairs, granularity)
    except OAIError as exc:
        return [exc.code]
    except OAIErrors as exc:
        return [e.code for e in exc.errors]
    return []


@pytest.mark.parametrize(
    "query",
    ["", "metadataPrefix=oai_dc", "verb=Bogus", "verb=Identify&verb=Identify", "verb=listrecords"],
)
def test_bad_verb(query):
    assert codes(parse_query(query)) == ["badVerb"]


@pytest.mark.parametrize(
    "query",
    [
        "verb=Identify&identifier=x",  # illegal argument
        "verb=GetRecord&identifier=x",  # missing metadataPrefix
        "verb=ListRecords",  # missing metadataPrefix
        "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc",  # repeated
        "verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x",  # token is exclusive
        "verb=ListRecords&metadataPrefix=",  # empty value
        "verb=ListRecords&metadataPrefix=oai_dc&from=2024-13-01",  # impossible date
        "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T10:00Z",  # bad format
        "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T10:00:00.5Z",  # finer
        "verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-02-01T00:00:00Z",
        "verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-02&until=2024-02-01",
        "verb=ListSets&set=a",
    ],
)
def test_bad_argument(query):
    assert set(codes(parse_query(query))) == {"badArgument"}


def test_seconds_refused_by_a_day_granularity_repository():
    query = parse_query("verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01T00:00:00Z")
    assert codes(query, datestamps.DAYS) == ["badArgument"]
    day = parse_query("verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01")
    assert codes(day, datestamps.DAYS) == []


def test_several_problems_are_all_reported():
    found = codes(parse_query("verb=GetRecord&foo=1&bar=2"))
    assert found == ["badArgument"] * 4  # foo, bar, identifier, metadataPrefix


def test_valid_request_parses_dates_day_until_is_inclusive():
    req = parse(
        parse_query("verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-01-01")
    )
    assert req.from_.isoformat() == "2024-01-01T00:00:00+00:00"
    assert req.until.isoformat() == "2024-01-01T23:59:59+00:00"
    assert req.echo == {
        "verb": "ListRecords",
        "metadataPrefix": "oai_dc",
        "from": "2024-01-01",
        "until": "2024-01-01",
    }


def test_resumption_token_alone_is_valid():
    req = parse(parse_query("verb=ListIdentifiers&resumptionToken=abc"))
    assert req.args == {"resumptionToken": "abc"}
