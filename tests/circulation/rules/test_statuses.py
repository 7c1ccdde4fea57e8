"""Imported free-text statuses map to the controlled list."""

import pytest

from rt.infodoc.circulation.rules import statuses


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Disponible", statuses.DISPONIBLE),
        ("", statuses.DISPONIBLE),
        ("En prêt", statuses.EN_PRET),
        ("Exclu du prêt", statuses.EXCLU),
        ("Consultation sur place", statuses.SUR_PLACE),
        ("En réparation", statuses.EXCLU),
        ("Perdu", statuses.PERDU),
        ("Désherbé", statuses.RETIRE),
        ("En transit", statuses.EN_TRANSIT),
        ("en-pret", statuses.EN_PRET),
    ],
)
def test_status_from_import(text, expected):
    assert statuses.status_from_import(text) == expected


def test_every_status_has_a_french_title():
    assert statuses.STATUS_TITLES[statuses.RESERVE] == "Réservé, en attente"
    assert len(statuses.STATUSES) == 8
