"""Fixtures of the harvester tests: pymarc test notices, the PMB stand-in and a
small server answering with the real OAI-PMH files of tests/data/oai."""

from pathlib import Path
from urllib.parse import urlencode

import pymarc
import pytest
from pymarc import Field
from pymarc import Indicators
from pymarc import Subfield
from standins.pmb_oai import PMBStandIn

from rt.infodoc.oaiprovider.engine.request import parse_query
from rt.infodoc.oaiprovider.engine.wsgi import BackgroundServer

DATA = Path(__file__).parents[2] / "data" / "oai"

TITLES = [
    "L'illettrisme en questions",
    "Éducation populaire : héritages et défis",
    "Médiation sociale et quartiers prioritaires",
    "Égalité femmes-hommes à l'école",
    "Français langue d'intégration : repères",
]


def make_record(i):
    """A UNIMARC notice like COSOTer's, with French accents."""
    record = pymarc.Record(force_utf8=True)
    record.leader = pymarc.Leader("     nam0 22        450 ")
    record.add_field(Field(tag="001", data=str(1000 + i)))
    record.add_field(
        Field(tag="101", indicators=Indicators("0", " "), subfields=[Subfield("a", "fre")])
    )
    record.add_field(
        Field(
            tag="200",
            indicators=Indicators("1", " "),
            subfields=[
                Subfield("a", f"{TITLES[i % len(TITLES)]} ({i})"),
                Subfield("f", "Hélène Dupré"),
            ],
        )
    )
    record.add_field(
        Field(
            tag="210",
            indicators=Indicators(" ", " "),
            subfields=[
                Subfield("a", "Toulouse"),
                Subfield("c", "Ressources & Territoires"),
                Subfield("d", str(2000 + i % 25)),
            ],
        )
    )
    record.add_field(
        Field(
            tag="700",
            indicators=Indicators(" ", "1"),
            subfields=[Subfield("a", "Dupré"), Subfield("b", "Hélène")],
        )
    )
    record.add_field(
        Field(
            tag="610", indicators=Indicators("0", " "), subfields=[Subfield("a", "savoirs de base")]
        )
    )
    return record


@pytest.fixture
def records():
    return [make_record(i) for i in range(1, 251)]


@pytest.fixture
def standin(records):
    with PMBStandIn(records, source_id=3) as server:
        yield server


class NoSleep:
    """An injected sleep that records the waits instead of waiting."""

    def __init__(self):
        self.calls = []

    def __call__(self, seconds):
        self.calls.append(seconds)


@pytest.fixture
def no_sleep():
    return NoSleep()


class FileServer(BackgroundServer):
    """Answer each request with a file chosen by ``resolve(pairs)``; unknown
    requests get an HTML 404 page, like a misconfigured web server."""

    def __init__(self, resolve):
        self.resolve = resolve
        self.requests = []
        super().__init__(self._app)

    def _app(self, environ, start_response):
        pairs = parse_query(environ.get("QUERY_STRING", ""))
        self.requests.append(pairs)
        path = self.resolve(pairs)
        if path is None:
            start_response("404 Not Found", [("Content-Type", "text/html")])
            return [b"<html><body><h1>404 Not Found</h1></body></html>"]
        body = Path(path).read_bytes()
        start_response(
            "200 OK",
            [("Content-Type", "text/xml; charset=utf-8"), ("Content-Length", str(len(body)))],
        )
        return [body]


def pyoai_resolver(*folders):
    """Map requests with the mapping.txt files of pyoai's fake folders."""
    table = {}
    for folder in folders:
        base = DATA / "pyoai_dspace_erasmus" / folder
        lines = (base / "mapping.txt").read_text().split()
        for query, name in zip(lines[::2], lines[1::2], strict=False):
            table[query] = base / name
    return lambda pairs: table.get(urlencode(sorted(pairs)))


@pytest.fixture
def file_server():
    servers = []

    def start(resolve):
        server = FileServer(resolve).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
