"""The resumption token codec: round trip, signature, tampering, expiry."""

import base64
import json
import re

import pytest

from rt.infodoc.oaiprovider.engine import tokens
from rt.infodoc.oaiprovider.engine.tokens import TokenError
from rt.infodoc.oaiprovider.engine.tokens import TokenState

SECRET = b"s3cret partag\xc3\xa9"

STATE = TokenState(
    verb="ListRecords",
    prefix="pmb_xml_unimarc",
    set_spec="savoirs:illettrisme",
    from_="2024-01-01",
    until="2024-12-31T23:00:00Z",
    last_datestamp="2024-05-02T10:11:12Z",
    last_identifier="oai:rt-infodoc:notice-été/42",
    cursor=300,
    complete_list_size=6213,
    issued=1_700_000_000,
)


def test_round_trip_keeps_every_field():
    assert tokens.decode(tokens.encode(STATE, SECRET), SECRET) == STATE


def test_round_trip_with_defaults():
    state = TokenState(verb="ListIdentifiers", prefix="oai_dc")
    assert tokens.decode(tokens.encode(state, SECRET), SECRET) == state


def test_token_is_url_and_xml_safe():
    token = tokens.encode(STATE, SECRET)
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", token)


def test_same_secret_other_process_accepts_it():
    token = tokens.encode(STATE, "s3cret partagé")
    assert tokens.decode(token, SECRET) == STATE  # str and bytes secrets agree


def test_other_secret_refuses_it():
    with pytest.raises(TokenError):
        tokens.decode(tokens.encode(STATE, SECRET), b"another secret")


def test_tampered_payload_is_refused():
    version, payload, sig = tokens.encode(STATE, SECRET).split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["c"] = 0  # rewind the cursor
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    with pytest.raises(TokenError, match="signature"):
        tokens.decode(f"{version}.{forged}.{sig}", SECRET)


def test_tampered_signature_is_refused():
    token = tokens.encode(STATE, SECRET)
    last = token[-1]
    forged = token[:-1] + ("A" if last != "A" else "B")
    with pytest.raises(TokenError):
        tokens.decode(forged, SECRET)


@pytest.mark.parametrize(
    "garbage", ["", "abc", "v1.abc", "v2.e30.AAAA", "v1.!!!.???", "v1.e30.e30.e30", "ünïcode.x.y"]
)
def test_malformed_tokens_are_refused(garbage):
    with pytest.raises(TokenError):
        tokens.decode(garbage, SECRET)


def test_signed_but_incomplete_payload_is_refused():
    payload = base64.urlsafe_b64encode(b'{"c":1}').rstrip(b"=").decode()
    body = f"v1.{payload}"
    sig = base64.urlsafe_b64encode(tokens._sign(SECRET, body.encode())).rstrip(b"=").decode()
    with pytest.raises(TokenError, match="verb or prefix"):
        tokens.decode(f"{body}.{sig}", SECRET)


def test_max_age_expires_old_tokens():
    token = tokens.encode(STATE, SECRET)
    assert tokens.decode(token, SECRET, max_age=60, now=STATE.issued + 59) == STATE
    with pytest.raises(TokenError, match="expired"):
        tokens.decode(token, SECRET, max_age=60, now=STATE.issued + 61)


def test_empty_secret_is_rejected():
    with pytest.raises(ValueError):
        tokens.encode(STATE, b"")
