"""Self-contained, signed OAI-PMH resumption tokens.

A token carries the whole state of a list request: the verb, metadata prefix,
set, from/until (as the harvester wrote them), the (datestamp, identifier) key of
the last item sent, the cursor and the complete list size. It is signed with an
HMAC so that a token altered by the client is refused. The server keeps no
session: any Zope client sharing the secret can continue a list, also after a
restart.

Layout: ``v1.<base64url(json)>.<base64url(hmac-sha256[:16])>``.
"""

import base64
import binascii
import hashlib
import hmac
import json
import time
from dataclasses import asdict
from dataclasses import dataclass

VERSION = "v1"
_SIG_BYTES = 16


class TokenError(ValueError):
    """The token is malformed, altered, of another version or expired."""


@dataclass(frozen=True)
class TokenState:
    verb: str
    prefix: str
    set_spec: str | None = None
    from_: str | None = None
    until: str | None = None
    last_datestamp: str | None = None
    last_identifier: str | None = None
    cursor: int = 0
    complete_list_size: int | None = None
    issued: int = 0  # unix time, seconds


_FIELDS = (
    "verb",
    "prefix",
    "set_spec",
    "from_",
    "until",
    "last_datestamp",
    "last_identifier",
    "cursor",
    "complete_list_size",
    "issued",
)
_SHORT = ("v", "p", "s", "f", "u", "d", "i", "c", "n", "t")


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text):
    pad = "=" * (-len(text) % 4)
    return base64.urlsafe_b64decode(text + pad)


def _key(secret):
    if isinstance(secret, str):
        secret = secret.encode("utf-8")
    if not secret:
        raise ValueError("a non-empty secret is required to sign tokens")
    return secret


def _sign(secret, payload):
    return hmac.new(secret, payload, hashlib.sha256).digest()[:_SIG_BYTES]


def encode(state, secret):
    """Serialise and sign a TokenState; returns an ASCII, URL-safe string."""
    key = _key(secret)
    values = asdict(state)
    data = {
        short: values[name]
        for name, short in zip(_FIELDS, _SHORT, strict=False)
        if values[name] is not None
    }
    payload = json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8")
    body = f"{VERSION}.{_b64(payload)}"
    return f"{body}.{_b64(_sign(key, body.encode('ascii')))}"


def decode(token, secret, max_age=None, now=None):
    """Verify and parse a token; raise TokenError when it cannot be trusted.

    ``max_age`` (seconds) makes tokens older than that expire.
    """
    key = _key(secret)
    if not isinstance(token, str) or token.count(".") != 2:
        raise TokenError("malformed token")
    version, payload_b64, sig_b64 = token.split(".")
    if version != VERSION:
        raise TokenError(f"unsupported token version {version!r}")
    try:
        signature = _unb64(sig_b64)
        payload = _unb64(payload_b64)
    except (binascii.Error, ValueError) as exc:
        raise TokenError("malformed token") from exc
    body = f"{version}.{payload_b64}".encode("ascii", "replace")
    if not hmac.compare_digest(signature, _sign(key, body)):
        raise TokenError("token signature does not match")
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:  # pragma: no cover - signed
        raise TokenError("token payload is not JSON") from exc
    if not isinstance(data, dict):
        raise TokenError("token payload is not an object")
    values = {name: data.get(short) for name, short in zip(_FIELDS, _SHORT, strict=False)}
    if not isinstance(values["verb"], str) or not isinstance(values["prefix"], str):
        raise TokenError("token lacks verb or prefix")
    if not isinstance(values["cursor"] or 0, int):
        raise TokenError("token cursor is not an integer")
    values["cursor"] = values["cursor"] or 0
    values["issued"] = values["issued"] or 0
    state = TokenState(**values)
    if max_age is not None:
        current = time.time() if now is None else now
        if current - state.issued > max_age:
            raise TokenError("token has expired")
    return state
