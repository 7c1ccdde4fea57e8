"""Fixtures of the harvesting tests: COSOTer-like notices and the PMB stand-in."""

import pymarc
import pytest
from pymarc import Field
from pymarc import Indicators
from pymarc import Subfield
from standins.pmb_oai import PMBStandIn

TITLES = [
    "L'illettrisme en questions",
    "Éducation populaire : héritages et défis",
    "Médiation sociale et quartiers prioritaires",
    "Égalité femmes-hommes à l'école",
    "Français langue d'intégration : repères",
]


def make_record(i, title=None):
    """A UNIMARC notice shaped like COSOTer's (001 = PMB notice id), French accents."""
    record = pymarc.Record(force_utf8=True)
    record.leader = pymarc.Leader("     nam0 22        450 ")
    record.add_field(Field(tag="001", data=str(5000 + i)))
    record.add_field(
        Field(tag="101", indicators=Indicators("0", " "), subfields=[Subfield("a", "fre")])
    )
    record.add_field(
        Field(
            tag="200",
            indicators=Indicators("1", " "),
            subfields=[
                Subfield("a", title or f"{TITLES[i % len(TITLES)]} ({i})"),
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


def expected_title(i):
    return f"{TITLES[i % len(TITLES)]} ({i})"


@pytest.fixture
def records():
    return [make_record(i) for i in range(1, 251)]


@pytest.fixture
def standin(records):
    with PMBStandIn(records, source_id=3, deleted_record="persistent") as server:
        yield server
