"""Random hostile input for the public endpoints (issue #10: no input answers 500).

Shared by tests/browser, tests/services and tests/oaiprovider: a Hypothesis profile
sized for CI (a few dozen examples per endpoint, reproducible, no deadline: a
request to a live site takes what it takes), strategies for raw parameter bytes
(Latin-1 and invalid UTF-8, control characters, NUL, encoded surrogates, huge and
negative numbers, markup) and the checks every answer must pass: no 5xx, and a
body that parses as what its Content-Type says.
"""

import json
from urllib.parse import quote
from urllib.parse import quote_from_bytes

import requests
from hypothesis import HealthCheck
from hypothesis import settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html

# The layer's site is made once per test function and every example requests it:
# function-scoped fixtures are what we want here.
settings.register_profile(
    "rt-bad-input",
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BAD_INPUT = settings.get_profile("rt-bad-input")

# A value that would become an element if a page echoed it unescaped.
PROBE_TAG = "x-probe"
PROBE = f"\"><{PROBE_TAG} a=1>'<{PROBE_TAG}>".encode()

SPECIAL = [
    b"",
    b" ",
    b"0",
    b"-1",
    b"-5",
    b"2147483648",
    b"9223372036854775808",
    b"9" * 5000,
    b"1e309",
    b"NaN",
    b"-0",
    b"0x10",
    b"1_000",
    "١٢".encode(),
    b"\x00",
    b"theme\x00",
    b"\x01",
    b"oai\x1f",
    b"%",
    b"%E9",
    b"\xe9t\xe9",
    b"\xff\xfe",
    b"\xc3",
    b"\xc3(",
    "\ud800".encode("utf-8", "surrogatepass"),
    b"\xef\xbf\xbe",
    b"(",
    b'"',
    b"*",
    b"a" * 3000,
    "Été à Zoë".encode("latin-1"),
    "Été".encode(),
    PROBE,
]

latin1 = st.text(st.characters(max_codepoint=255), max_size=20).map(lambda t: t.encode("latin-1"))
controls = st.text(st.characters(max_codepoint=0x9F), max_size=10).map(str.encode)
surrogates = st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=5).map(
    lambda t: t.encode("utf-8", "surrogatepass")
)
numbers = st.integers(min_value=-(2**70), max_value=2**70).map(lambda n: str(n).encode())

RAW_VALUES = st.one_of(
    st.sampled_from(SPECIAL),
    st.binary(max_size=30),
    latin1,
    controls,
    surrogates,
    numbers,
    st.text(max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass")),
)

# ZPublisher's marshalling suffixes, which a client may add to any name.
SUFFIXES = [
    ":int",
    ":long",
    ":float",
    ":date",
    ":list",
    ":tuple",
    ":record",
    ":records",
    ":tokens",
    ":lines",
    ":boolean",
    ":required",
    ":ascii",
    ":latin-1",
    ":utf-16",
    ":unicode_escape",
    ":json",
    ":default",
    ":ignore_empty",
    ":string",
    ":text",
]


# What a cookie header can carry (Latin-1, no control characters, no separator).
COOKIE_TEXT = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters=";\x7f"), max_size=80
)


def pairs(names, suffixes=True, max_size=4):
    """Lists of (name, raw bytes) for the endpoint's parameter `names`."""
    name = st.sampled_from(list(names))
    if suffixes:  # one name in four typed: most examples reach the view itself
        suffix = st.one_of(st.just(""), st.just(""), st.just(""), st.sampled_from(SUFFIXES))
        name = st.tuples(name, suffix).map("".join)
    return st.lists(st.tuples(name, RAW_VALUES), min_size=1, max_size=max_size)


def query_string(items):
    """Percent-encode raw bytes as they are: requests would encode text as UTF-8."""
    return "&".join(
        f"{quote(name, safe=':.')}={quote_from_bytes(value, safe='')}" for name, value in items
    )


def get(url, items=(), **kw):
    query = query_string(items)
    kw.setdefault("timeout", 60)
    kw.setdefault("allow_redirects", False)
    return requests.get(f"{url}?{query}" if query else url, **kw)


def post(url, items=(), **kw):
    kw.setdefault("timeout", 60)
    kw.setdefault("allow_redirects", False)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **kw.pop("headers", {})}
    return requests.post(url, data=query_string(items).encode("ascii"), headers=headers, **kw)


def content_type(response):
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower()


def check_answer(response):
    """No server error; HTML, JSON and XML bodies parse; no probe became markup.

    Returns the parsed body (an lxml element, JSON data or the text)."""
    where = f"{response.request.method} {response.url[:300]}"
    assert response.status_code < 500, (where, response.status_code, response.text[:800])
    kind = content_type(response)
    body = response.content
    if not body or 300 <= response.status_code < 400:
        return None
    if kind == "text/html":
        doc = html.fromstring(body)
        assert not doc.xpath(f"//{PROBE_TAG}"), (where, "value echoed unescaped")
        return doc
    if kind in ("application/json", "application/problem+json"):
        return json.loads(body)
    if kind.endswith("xml"):
        doc = etree.fromstring(body)
        assert not doc.xpath(f"//*[local-name()='{PROBE_TAG}']"), where
        return doc
    return body.decode("utf-8")  # text/plain, exports: UTF-8 whatever the input


def check_bad_request(response, json_expected=False):
    """HTTP 400 with a French message (the French page or plone.rest-style JSON)."""
    assert response.status_code == 400, (response.status_code, response.text[:800])
    if json_expected:
        data = response.json()
        assert data["type"] == "BadRequest" and "invalide" in data["message"]
        return data
    doc = check_answer(response)
    assert "invalide" in doc.text_content()
    return doc
