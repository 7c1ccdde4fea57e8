"""A low-level OAI-PMH client: one request in, one parsed response out.

It retries timeouts, connection errors and 5xx answers with exponential
backoff, honours 503 Retry-After (seconds or HTTP date, capped), reads OAI-PMH
errors also when they come with an HTTP 4xx status, and gives a clear error
for bodies that are not OAI-PMH XML.
"""

import time
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from email.utils import parsedate_to_datetime

import requests
from lxml import etree

from .errors import HTTPStatusError
from .errors import MalformedResponseError
from .errors import NotXMLError
from .errors import OAIProtocolError
from .errors import TransportError

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
NS = {"oai": OAI_NS}
USER_AGENT = "rt.infodoc-harvester/1.0"

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


@dataclass
class OAIResponse:
    verb: str
    root: object  # the <OAI-PMH> element
    body: object  # the <verb> element
    url: str
    elapsed: float


def parse_retry_after(value, now=None):
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now or datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


def parse_oai(content, verb, url=""):
    """Parse a body as an OAI-PMH response; return (root, errors, verb element)."""
    if not content or not content.strip():
        raise NotXMLError(f"Réponse vide au lieu de XML OAI-PMH ({url}).")
    try:
        root = etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError as exc:
        start = content[:60].decode("utf-8", "replace").strip()
        raise NotXMLError(
            f"Réponse qui n'est pas du XML bien formé ({url}) : {exc} — début : {start!r}"
        ) from exc
    if root.tag != f"{{{OAI_NS}}}OAI-PMH":
        raise MalformedResponseError(
            f"Réponse XML qui n'est pas OAI-PMH 2.0 ({url}) : élément racine {root.tag!r}."
        )
    errors = [
        (e.get("code", "unknown"), (e.text or "").strip()) for e in root.findall("oai:error", NS)
    ]
    body = root.find(f"oai:{verb}", NS)
    return root, errors, body


class OAIClient:
    """Send OAI-PMH requests to ``base_url`` (which may carry its own query,
    e.g. PMB's ``connector_out.php?source_id=N``)."""

    def __init__(
        self,
        base_url,
        session=None,
        timeout=60.0,
        max_retries=5,
        backoff=1.0,
        max_backoff=60.0,
        max_retry_after=300.0,
        sleep=time.sleep,
        method="GET",
    ):
        self.base_url = base_url
        self.session = session or requests.Session()
        self.session.headers.setdefault("User-Agent", USER_AGENT)
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.sleep = sleep
        self.method = method.upper()
        self.retries = 0  # total over the client's life, for reports
        self.requests = 0
        self.waits = []  # seconds slept, for reports and tests

    def request(self, verb, **args):
        """Send one request; return an OAIResponse or raise a HarvestError."""
        params = [("verb", verb)] + [(k, v) for k, v in args.items() if v is not None]
        attempt = 0
        while True:
            problem, wait = None, None
            started = time.monotonic()
            try:
                self.requests += 1
                if self.method == "POST":
                    resp = self.session.post(self.base_url, data=params, timeout=self.timeout)
                else:
                    resp = self.session.get(self.base_url, params=params, timeout=self.timeout)
            except requests.Timeout as exc:
                problem = f"délai dépassé ({exc.__class__.__name__})"
            except requests.ConnectionError as exc:
                problem = f"connexion impossible ({exc.__class__.__name__})"
            else:
                if resp.status_code == 503 or resp.status_code >= 500:
                    problem = f"HTTP {resp.status_code}"
                    if resp.status_code == 503:
                        wait = parse_retry_after(resp.headers.get("Retry-After"))
                else:
                    return self._read(verb, resp, time.monotonic() - started)
            if attempt >= self.max_retries:
                raise TransportError(
                    f"Le fournisseur OAI-PMH {self.base_url} ne répond pas ({problem}) "
                    f"après {attempt + 1} tentatives."
                )
            if wait is None:
                wait = min(self.backoff * (2**attempt), self.max_backoff)
            wait = min(wait, self.max_retry_after)
            attempt += 1
            self.retries += 1
            self.waits.append(wait)
            self.sleep(wait)

    def _read(self, verb, resp, elapsed):
        url = resp.url
        try:
            root, errors, body = parse_oai(resp.content, verb, url)
        except (NotXMLError, MalformedResponseError):
            if resp.status_code >= 400:
                raise HTTPStatusError(
                    resp.status_code,
                    f"Le fournisseur a répondu HTTP {resp.status_code} sans erreur OAI-PMH "
                    f"lisible ({url}).",
                ) from None
            raise
        if errors:
            raise OAIProtocolError(errors, resp.status_code)
        if resp.status_code >= 400:
            raise HTTPStatusError(
                resp.status_code, f"Le fournisseur a répondu HTTP {resp.status_code} ({url})."
            )
        if body is None:
            raise MalformedResponseError(
                f"Réponse OAI-PMH sans élément <{verb}> ni <error> ({url})."
            )
        return OAIResponse(verb, root, body, url, elapsed)
