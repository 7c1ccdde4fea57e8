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


def test_status_ids_are_the_core_titles():
    from rt.infodoc.circulation.rules.statuses import STATUS_TITLES
    from rt.infodoc.circulation.texts import STATUS_IDS

    assert {code: str(msgid) for code, msgid in STATUS_IDS.items()} == STATUS_TITLES


def test_a_refusal_built_by_a_view_is_the_core_text():
    from rt.infodoc.circulation.texts import refused

    assert refused("unknown_borrower", code="X9") == render("unknown_borrower", {"code": "X9"})


def test_plain_fills_nested_message_ids():
    from rt.infodoc import _
    from rt.infodoc.circulation.rules.messages import plain

    inner = _("Mois par mois en ${year}", mapping={"year": "2011"})
    outer = _("${activity} ${dimension} en ${year}", mapping={"activity": inner})
    assert plain(outer) == "Mois par mois en 2011 ${dimension} en ${year}"
    assert plain("déjà du texte") == "déjà du texte"


def test_a_value_that_looks_like_a_name_is_written_as_typed():
    """A title typed with "${barcode}" in it stays so: each name is filled once,
    in one pass over the text, as zope.i18n does for the pages."""
    from rt.infodoc import _
    from rt.infodoc.circulation.rules.messages import plain

    lent = _("Prêté : ${title} (${barcode})", mapping={"title": "Le ${barcode}", "barcode": "RT1"})
    assert plain(lent) == "Prêté : Le ${barcode} (RT1)"
    assert render("never_lent", {"barcode": "${status}", "status": "Perdu"}) == (
        "L'exemplaire ${status} est « Perdu » : il ne peut pas être prêté."
    )


def test_no_message_id_is_declared_with_two_defaults(tmp_path):
    """i18ndude warns when one msgid has two defaults (for example the same text
    with and without a mapping, as "Aucun emprunteur ne correspond à « ${code} »."
    once had): the catalogue would keep only one of them."""
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "i18ndude"),
            "rebuild-pot",
            "--pot",
            str(tmp_path / "rt.infodoc.pot"),
            "--create",
            "rt.infodoc",
            "--exclude",
            "node_modules tests",
            "--no-line-numbers",
            "src/rt/infodoc",
            "theme",
            "profiles",
        ],
        capture_output=True,
        text=True,
        cwd=repo,
        check=True,
    )
    assert "different default" not in result.stdout + result.stderr, result.stderr


def test_counts_read_in_the_singular_or_the_plural():
    """French puts 0 and 1 in the singular: « 1 prêt en cours », « 3 prêts en
    cours », never « prêt(s) », in the core's text and through the catalogue."""
    from rt.infodoc.circulation.rules.messages import MESSAGES

    assert not [text for text in MESSAGES.values() if "(s)" in text]
    cases = {
        ("max_loans", 1): "Marie a déjà 1 prêt en cours ; le maximum est de 1.",
        ("max_loans", 3): "Marie a déjà 3 prêts en cours ; le maximum est de 3.",
        ("max_reservations", 0): "Marie a déjà 0 réservation ; le maximum est de 0.",
        ("max_reservations", 2): "Marie a déjà 2 réservations ; le maximum est de 2.",
        ("borrower_has_loans", 1): "Marie a encore 1 prêt en cours : il doit être rendu avant.",
        ("borrower_has_loans", 2): (
            "Marie a encore 2 prêts en cours : ils doivent être rendus avant."
        ),
        ("borrower_has_reservations", 1): (
            "Marie a encore 1 réservation ouverte : annulez-la avant."
        ),
        ("borrower_has_reservations", 4): (
            "Marie a encore 4 réservations ouvertes : annulez-les avant."
        ),
    }
    for (code, count), text in cases.items():
        error = CirculationError.of(code, name="Marie", count=count, max=count)
        assert error.codes == [code]  # the REST code does not change with the count
        assert texts(error) == [text] and error.texts() == [text]
