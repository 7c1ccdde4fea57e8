"""A local stand-in for COSOTer's PMB OAI-PMH connector, for harvester tests.

It behaves like PMB 7.3's ``connector_out.php`` as far as a harvester can see:
answers at ``/ws/connector_out.php?source_id=N``; formats ``oai_dc`` and
``pmb_xml_unimarc`` (``<notice xmlns="http://www.pmbservices.fr">``); second
granularity; pages of 100; opaque resumption tokens kept server-side that expire
after ``token_ttl`` seconds (600 by default) or at once with ``expire_tokens()``;
deletedRecord "no" by default ("persistent" keeps deleted headers). Faults can be
queued: an HTTP status (503 + Retry-After, 500...), an OAI error sent with HTTP
422, a slow answer.

Run it by hand::

    python tests/standins/pmb_oai.py --port 8099 --records notices.mrc
"""

import argparse
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pymarc

from rt.infodoc.oaiprovider.engine import tokens
from rt.infodoc.oaiprovider.engine.metadata import OAI_DC
from rt.infodoc.oaiprovider.engine.metadata import PMB_XML_UNIMARC
from rt.infodoc.oaiprovider.engine.metadata import oai_dc
from rt.infodoc.oaiprovider.engine.metadata import pmb_notice
from rt.infodoc.oaiprovider.engine.provider import Provider
from rt.infodoc.oaiprovider.engine.repository import MemoryRepository
from rt.infodoc.oaiprovider.engine.request import parse_query
from rt.infodoc.oaiprovider.engine.responses import Response
from rt.infodoc.oaiprovider.engine.wsgi import BackgroundServer

PATH = "/ws/connector_out.php"
BASE_DATE = datetime(2024, 3, 1, 8, 0, 0, tzinfo=UTC)


def read_iso2709(path):
    """pymarc Records of a UNIMARC ISO 2709 file, decoded as UTF-8 whatever
    leader/09 says (PMB exports are UTF-8)."""
    with open(path, "rb") as handle:
        reader = pymarc.MARCReader(handle, to_unicode=True, force_utf8=True)
        return [record for record in reader if record is not None]


def unimarc_dc(record):
    """A small Dublin Core view of a UNIMARC record, like PMB's oai_dc."""

    def values(tag, code):
        return [v for f in record.get_fields(tag) for v in f.get_subfields(code)]

    creators = []
    for field in record.get_fields("700", "701", "702"):
        name = ", ".join(field.get_subfields("a") + field.get_subfields("b"))
        if name:
            creators.append(name)
    dc = {
        "title": values("200", "a"),
        "creator": creators,
        "subject": values("610", "a"),
        "description": values("330", "a"),
        "publisher": values("210", "c"),
        "date": values("210", "d"),
        "identifier": values("010", "a"),
        "language": values("101", "a"),
    }
    return oai_dc({k: v for k, v in dc.items() if v})


@dataclass
class Fault:
    kind: str  # "status", "oai_error", "delay"
    status: int = 200
    retry_after: str | None = None
    code: str = ""
    seconds: float = 0.0
    verb: str | None = None  # only for this verb (None = any)
    with_token: bool | None = None  # only for requests with/without a resumptionToken


class PMBProvider(Provider):
    """Provider with PMB's server-side, expiring, opaque resumption tokens."""

    def __init__(self, repository, token_ttl=600.0, page_size=100):
        super().__init__(repository, secret=b"unused", page_size=page_size)
        self.token_ttl = token_ttl
        self._tokens = {}
        self._lock = threading.Lock()

    def issue_token(self, state):
        token = uuid.uuid4().hex
        with self._lock:
            self._tokens[token] = (state, time.monotonic())
        return token

    def read_token(self, token):
        with self._lock:
            entry = self._tokens.get(token)
        if entry is None:
            raise tokens.TokenError("unknown token")
        state, issued = entry
        if time.monotonic() - issued > self.token_ttl:
            raise tokens.TokenError("expired token")
        return state

    def expire_tokens(self):
        with self._lock:
            self._tokens.clear()


class PMBStandIn:
    """The stand-in server; use as a context manager or start()/stop()."""

    def __init__(
        self,
        records=(),
        source_id=1,
        token_ttl=600.0,
        page_size=100,
        deleted_record="no",
        port=0,
        base_date=BASE_DATE,
    ):
        self.source_id = str(source_id)
        self.repository = MemoryRepository(
            name="COSOTer (stand-in PMB)",
            admin_email="admin@cosoter.example",
            deleted_record=deleted_record,
            formats=[OAI_DC, PMB_XML_UNIMARC],
        )
        self.provider = PMBProvider(self.repository, token_ttl=token_ttl, page_size=page_size)
        self.faults = []
        self.requests = []  # (method, [(name, value)]) of every request received
        self._lock = threading.Lock()
        self._next_date = base_date
        for record in records:
            self.add(record)
        self.server = BackgroundServer(self.app, port=port)
        self.repository.base_url = self.url

    # -- content ------------------------------------------------------------------
    @property
    def url(self):
        return f"{self.server.url}{PATH}?source_id={self.source_id}"

    def identifier(self, notice_id):
        return f"oai:cosoter:{notice_id}"

    def add(self, record, datestamp=None):
        """Serve a pymarc Record; the notice id is its 001 (or a counter)."""
        if datestamp is None:
            datestamp = self._next_date
            self._next_date += timedelta(seconds=1)
        control = record.get("001")
        notice_id = control.data if control is not None else str(len(self.repository) + 1)
        return self.repository.add(
            self.identifier(notice_id),
            datestamp,
            {"oai_dc": unimarc_dc(record), "pmb_xml_unimarc": pmb_notice(record)},
        )

    def delete(self, notice_id, datestamp):
        """Delete a notice: a deleted header if deletedRecord is "persistent",
        else it just disappears (PMB's default)."""
        identifier = self.identifier(notice_id)
        if self.repository.deleted_record == "persistent":
            self.repository.delete(identifier, datestamp)
        else:
            self.repository.remove(identifier)

    def expire_tokens(self):
        self.provider.expire_tokens()

    # -- faults ---------------------------------------------------------------------
    def fail(self, status, retry_after=None, times=1, verb=None, with_token=None):
        self.faults.extend(
            Fault(
                "status", status=status, retry_after=retry_after, verb=verb, with_token=with_token
            )
            for _ in range(times)
        )

    def oai_error(self, code, status=422, verb=None, with_token=None):
        self.faults.append(
            Fault("oai_error", status=status, code=code, verb=verb, with_token=with_token)
        )

    def slow(self, seconds, times=1, verb=None, with_token=None):
        self.faults.extend(
            Fault("delay", seconds=seconds, verb=verb, with_token=with_token) for _ in range(times)
        )

    def _take_fault(self, pairs):
        verb = dict(pairs).get("verb")
        has_token = any(name == "resumptionToken" for name, _ in pairs)
        with self._lock:
            for index, fault in enumerate(self.faults):
                if fault.verb not in (None, verb):
                    continue
                if fault.with_token is not None and fault.with_token != has_token:
                    continue
                return self.faults.pop(index)
        return None

    # -- HTTP -----------------------------------------------------------------------------
    def app(self, environ, start_response):
        if environ.get("PATH_INFO") != PATH:
            start_response("404 Not Found", [("Content-Type", "text/html")])
            return [b"<html><body>Page introuvable</body></html>"]
        # like PHP's $_REQUEST: the query string, plus the form body of a POST
        pairs = parse_query(environ.get("QUERY_STRING", ""))
        if environ["REQUEST_METHOD"] == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            pairs += parse_query(environ["wsgi.input"].read(length))
        source = [value for name, value in pairs if name == "source_id"]
        pairs = [(n, v) for n, v in pairs if n != "source_id"]
        with self._lock:
            self.requests.append((environ["REQUEST_METHOD"], pairs))
        if source != [self.source_id]:
            start_response("200 OK", [("Content-Type", "text/html")])
            return [b"<html><body>Source inconnue</body></html>"]
        fault = self._take_fault(pairs)
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.seconds)
        elif fault is not None and fault.kind == "status":
            headers = [("Content-Type", "text/html")]
            if fault.retry_after is not None:
                headers.append(("Retry-After", fault.retry_after))
            start_response(f"{fault.status} Fault", headers)
            return [f"<html><body>Erreur {fault.status}</body></html>".encode()]
        elif fault is not None and fault.kind == "oai_error":
            response = Response(self.url)
            response.error(fault.code, "Erreur injectée par le stand-in")
            start_response(
                f"{fault.status} Unprocessable Entity",
                [("Content-Type", "text/xml; charset=utf-8")],
            )
            return [response.to_bytes()]
        body = self.provider.handle(pairs, base_url=self.url)
        start_response(
            "200 OK",
            [("Content-Type", "text/xml; charset=utf-8"), ("Content-Length", str(len(body)))],
        )
        return [body]

    def start(self):
        self.server.start()
        return self

    def stop(self):
        self.server.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Stand-in PMB OAI-PMH server (COSOTer).")
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--records", required=True, help="UNIMARC ISO 2709 file")
    parser.add_argument("--source-id", default="1")
    parser.add_argument("--token-ttl", type=float, default=600.0)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--deleted-record", choices=("no", "persistent"), default="no")
    args = parser.parse_args(argv)
    standin = PMBStandIn(
        read_iso2709(args.records),
        source_id=args.source_id,
        token_ttl=args.token_ttl,
        page_size=args.page_size,
        deleted_record=args.deleted_record,
        port=args.port,
    )
    standin.start()
    print(f"PMB stand-in: {len(standin.repository)} notices at {standin.url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        standin.stop()


if __name__ == "__main__":
    main()
