"""Shared fixtures of the OAI-PMH provider tests: a repository, a provider and
a ``call`` helper that schema-validates every response it returns."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest
from lxml import etree

from rt.infodoc.oaiprovider.engine.metadata import OAI_DC
from rt.infodoc.oaiprovider.engine.metadata import PMB_XML_UNIMARC
from rt.infodoc.oaiprovider.engine.metadata import oai_dc
from rt.infodoc.oaiprovider.engine.provider import Provider
from rt.infodoc.oaiprovider.engine.repository import MemoryRepository
from rt.infodoc.oaiprovider.engine.repository import SetInfo

DATA = Path(__file__).parents[2] / "data" / "oai"
OAI = "{http://www.openarchives.org/OAI/2.0/}"
NS = {"oai": "http://www.openarchives.org/OAI/2.0/"}
START = datetime(2024, 1, 1, 8, 0, 0, tzinfo=UTC)
SECRET = b"secret de test"


@pytest.fixture(scope="session")
def oai_schema():
    return etree.XMLSchema(etree.parse(str(DATA / "schemas" / "OAI-PMH.pyoai-skip-variant.xsd")))


def validated(schema, body):
    root = etree.fromstring(body)
    if not schema.validate(root):
        raise AssertionError(f"invalid OAI-PMH response: {schema.error_log}\n{body[:2000]!r}")
    return root


def build_repository(n=25, sets=True):
    """n notices, one a minute from START; even ones in set "savoirs", multiples
    of 3 also in "savoirs:illettrisme"; notice 7 deleted."""
    repo = MemoryRepository(
        formats=[OAI_DC, PMB_XML_UNIMARC],
        sets=[
            SetInfo("savoirs", "Savoirs de base"),
            SetInfo("savoirs:illettrisme", "Illettrisme"),
            SetInfo("ville", "Politique de la ville"),
        ]
        if sets
        else [],
    )
    for i in range(1, n + 1):
        specs = []
        if i % 2 == 0:
            specs.append("savoirs")
        if i % 3 == 0:
            specs.append("savoirs:illettrisme")
        if not specs:
            specs.append("ville")
        if not sets:
            specs = []
        metadata = {
            "oai_dc": oai_dc(
                {
                    "title": f"Éducation populaire et médiation n° {i}",
                    "creator": "Dupré, Hélène",
                    "language": "fre",
                }
            )
        }
        repo.add(
            f"oai:rt-infodoc:notice-{i:03d}", START + timedelta(minutes=i), metadata, sets=specs
        )
    if n >= 7:
        repo.delete("oai:rt-infodoc:notice-007", START + timedelta(minutes=7))
    return repo


@pytest.fixture
def repository():
    return build_repository()


@pytest.fixture
def provider(repository):
    return Provider(repository, secret=SECRET, page_size=10)


@pytest.fixture
def call(oai_schema):
    """call(provider, verb=..., **args) -> validated root element."""

    def _call(provider, *pairs, **args):
        items = list(pairs) + [(k.rstrip("_"), v) for k, v in args.items()]
        return validated(oai_schema, provider.handle(items))

    return _call


def error_codes(root):
    return [e.get("code") for e in root.findall("oai:error", NS)]


def identifiers(root):
    return [e.text for e in root.iter(f"{OAI}identifier")]
