"""The desk's refusals: the Plone message ids repeat the pure core's French texts."""

from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.rules.messages import MESSAGES
from rt.infodoc.circulation.rules.messages import render
from rt.infodoc.circulation.texts import MESSAGE_IDS
from rt.infodoc.circulation.texts import texts


def test_message_ids_are_the_core_texts():
    assert {code: str(msgid) for code, msgid in MESSAGE_IDS.items()} == MESSAGES


def test_translated_with_mapping():
    error = CirculationError.of("already_on_loan", barcode="RT1")
    assert texts(error) == [render("already_on_loan", {"barcode": "RT1"})]
    assert texts(error)[0].startswith("L'exemplaire RT1 est déjà en prêt")
