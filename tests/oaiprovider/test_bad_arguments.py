"""<site>/oai against hostile arguments (issue #10): always an OAI-PMH document.

Property-based (profile tests/bad_input.py): random bytes, Latin-1, control
characters, NUL, encoded surrogates, huge numbers and ZPublisher suffixes in every
argument, over GET and POST. Every answer is HTTP 200, schema-valid OAI-PMH, with
known error codes; an argument XML cannot carry is refused with badArgument (or
badVerb in the verb) and never echoed. Then the cases an outside probe reported.
"""

import pytest
from bad_input import BAD_INPUT
from bad_input import RAW_VALUES
from bad_input import get
from bad_input import pairs
from bad_input import post
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from rt.infodoc.oaiprovider.engine.errors import ERROR_CODES
from rt.infodoc.oaiprovider.engine.request import xml_safe

from .conftest import assert_valid
from .conftest import error_codes

ARGUMENTS = ["identifier", "metadataPrefix", "set", "from", "until", "resumptionToken"]
VERBS = [
    b"Identify",
    b"ListMetadataFormats",
    b"ListSets",
    b"GetRecord",
    b"ListIdentifiers",
    b"ListRecords",
]


def oai_answer(response, schemas):
    assert response.status_code == 200, (response.status_code, response.text[:800])
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    root = etree.fromstring(response.content)
    assert_valid(schemas.oai, root)
    assert set(error_codes(root)) <= ERROR_CODES
    return root


def unreadable(items):
    """Some name or value the provider cannot echo (as the server decodes it)."""
    return any(
        ":" in name or not xml_safe(value.decode("utf-8", "replace")) for name, value in items
    )


verb = st.one_of(st.sampled_from(VERBS), RAW_VALUES)


@BAD_INPUT
@given(method=st.sampled_from(["GET", "POST"]), verb=verb, items=pairs(ARGUMENTS, max_size=5))
def test_random_arguments(oai_site, schemas, method, verb, items):
    items = [("verb", verb), *items]
    send = get if method == "GET" else post
    root = oai_answer(send(oai_site.url, items), schemas)
    if unreadable(items):
        assert set(error_codes(root)) & {"badArgument", "badVerb"}, items


@pytest.mark.parametrize(
    "query",
    [
        "verb=GetRecord&identifier=%01&metadataPrefix=oai_dc",
        "verb=ListRecords&set=theme%00&metadataPrefix=oai_dc",
        "verb=ListRecords&resumptionToken=%00",
        "verb=ListRecords&metadataPrefix=oai%1f",
        "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2024-01-01%0B",
        "verb=GetRecord&identifier=oai%3Art-infodoc%3A%EF%BF%BE&metadataPrefix=oai_dc",
        "verb=ListRecords&metadataPrefix:int=abc",
        "verb:int=x",
        "verb=ListSets&resumptionToken:record=x",
    ],
)
def test_reported_arguments_are_bad_arguments(oai_site, schemas, query):
    import requests

    for response in (
        requests.get(f"{oai_site.url}?{query}", timeout=60),
        requests.post(
            oai_site.url,
            data=query,
            timeout=60,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ),
    ):
        root = oai_answer(response, schemas)
        assert error_codes(root) and set(error_codes(root)) <= {"badArgument"}, query
        # a refused request echoes no argument
        assert root.find("{http://www.openarchives.org/OAI/2.0/}request").attrib == {}


def test_latin1_identifier_is_an_unknown_identifier(oai_site, schemas):
    response = get(
        oai_site.url,
        [
            ("verb", b"GetRecord"),
            ("metadataPrefix", b"oai_dc"),
            ("identifier", "oai:rt-infodoc:été".encode("latin-1")),
        ],
    )
    assert error_codes(oai_answer(response, schemas)) == ["idDoesNotExist"]
