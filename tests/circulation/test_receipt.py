"""The receipt's text and batch (pure), and the earliest return date the search
results show (an in-memory store): milliseconds, no site."""

import subprocess
import sys
from datetime import date
from datetime import datetime
from datetime import timedelta

from circulation.deskfixtures import _no_site_subscribers  # noqa: F401
from circulation.deskfixtures import add_borrower
from circulation.deskfixtures import add_copy
from circulation.deskfixtures import make_desk
from circulation.test_pages_french import catalogue
from rt.infodoc.circulation import receipt
from rt.infodoc.circulation.availability import earliest_return
from rt.infodoc.circulation.rules.messages import plain


def test_batch_ids_keep_digits_in_order_once():
    assert receipt.batch_ids("12 7 12 x -3 <b> 99") == [12, 7, 99]
    assert receipt.batch_ids(None) == [] and receipt.batch_ids("") == []
    assert receipt.batch_text([1, 2]) == "1 2"
    assert len(receipt.batch_ids(" ".join(str(n) for n in range(500)))) == receipt.MAX_BATCH


def test_addresses():
    assert receipt.valid_address("anne.martin@exemple.fr")
    assert not receipt.valid_address("anne.martin@exemple")
    assert not receipt.valid_address("a b@exemple.fr")


def test_body_lists_the_batch_then_every_loan_out():
    due = date(2027, 2, 3)
    line = receipt.Line("Savoirs de base : guide", "RT0001", due, "Toulouse")
    back = receipt.Line("Illettrisme", "RT0002", datetime(2026, 12, 7, 10), "Foix")
    text = receipt.body(
        "Martin Anne",
        "L1",
        "Foix",
        "Ressources & Territoires",
        date(2026, 12, 7),
        lent=[line],
        returned=[back],
        current=[line],
    )
    assert text.startswith("Bonjour Martin Anne,\n")
    assert "passage du 7 décembre 2026 au site Foix (carte L1)" in text
    assert (
        "Prêtés aujourd'hui :\n- Savoirs de base : guide (code-barres RT0001), "
        "à rendre le 3 février 2027, Toulouse" in text
    )
    assert "Prolongés" not in text
    assert "Rendus :\n- Illettrisme (code-barres RT0002), rendu le 7 décembre 2026, Foix" in text
    assert "Vos prêts en cours (1 document) :" in text
    assert text.endswith("Le service Information-Documentation, Ressources & Territoires")
    empty = receipt.body("Martin Anne", "L1", "Foix", "R&T", date(2026, 12, 7))
    assert "Vous n'avez plus aucun prêt en cours." in empty
    assert receipt.subject("R&T", date(2027, 3, 1)) == "Votre reçu de prêt du 1er mars 2027 — R&T"


def _one_bracket(line):
    """True when the whole line is one [...] (brackets inside it nested)."""
    depth = 0
    for n, char in enumerate(line):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0 and n < len(line) - 1:
            return False
    return line.startswith("[") and depth == 0


def test_every_word_of_the_receipt_comes_from_the_french_catalogue():
    """Rendered with a translator that brackets what it translates: every line of
    the subject and the text is one message id of locales/fr (the dates' words
    too), filled with the reader's data only; a sentence written outside the
    catalogue shows up unbracketed."""
    seen = []

    def tr(message):
        assert getattr(message, "domain", None) == "rt.infodoc", repr(message)
        seen.append(str(message))
        return f"[{plain(message)}]"

    on_the_1st = receipt.Line("Guide", "RT0001", date(2027, 3, 1), "Foix")
    no_site = receipt.Line("Illettrisme", "RT0002", date(2027, 2, 3), "")
    batches = (
        {
            "lent": [on_the_1st],
            "renewed": [no_site],
            "returned": [on_the_1st, no_site],
            "current": [on_the_1st, no_site],
        },
        {"current": [no_site]},
        {},  # nothing done, nothing out
    )
    text = "\n".join(
        receipt.body("Martin Anne", "L1", "Foix", "R&T", date(2026, 12, 1), tr=tr, **batch)
        for batch in batches
    )
    lines = [line for line in text.split("\n") if line]
    lines.append(receipt.subject("R&T", date(2027, 3, 1), tr))
    outside = [line for line in lines if not _one_bracket(line)]
    assert not outside, outside
    assert "[- Guide (code-barres RT0001), à rendre le [1er] [mars] 2027, Foix]" in lines
    assert "[- Illettrisme (code-barres RT0002), rendu le 3 [février] 2027]" in lines
    plurals = {"Vos prêts en cours (1 document) :", "Vos prêts en cours (${count} documents) :"}
    assert plurals < set(seen)
    assert set(seen) <= catalogue(), sorted(set(seen) - catalogue())


def test_sort_batch():
    desk = make_desk()
    add_borrower(desk, "L1")
    for barcode in ("B1", "B2", "B3"):
        add_copy(desk, barcode, uid=barcode)
    lent, renewed, back = (desk.lend(b, "L1") for b in ("B1", "B2", "B3"))
    desk.clock.when += timedelta(days=7)  # a renewal on the day of the loan is too soon
    desk.renew("B2")
    desk.give_back("B3")
    assert receipt.sort_batch([lent, renewed, back]) == ([lent], [renewed], [back])


def test_earliest_return_of_a_record_whose_copies_are_all_out():
    desk = make_desk()
    add_borrower(desk, "L1")
    add_borrower(desk, "L2")
    for barcode in ("B1", "B2", "B3"):
        add_copy(desk, barcode, uid="notice-1")
    add_copy(desk, "B9", uid="notice-9", status="exclu-du-pret")
    assert earliest_return(desk.store, "notice-1") is None  # on the shelf
    first = desk.lend("B1", "L1")
    desk.clock.when = datetime(2027, 1, 11, 10, 0)
    desk.lend("B2", "L2")
    assert earliest_return(desk.store, "notice-1") is None  # B3 still on the shelf
    desk.lend("B3", "L2")
    assert earliest_return(desk.store, "notice-1") == first.due
    desk.give_back("B1")
    assert earliest_return(desk.store, "notice-1") is None
    assert earliest_return(desk.store, "notice-9") is None  # no loan, no date
    assert earliest_return(desk.store, "unknown") is None


def test_receipt_text_imports_no_zope():
    code = (
        "import sys\n"
        "import rt.infodoc.circulation.receipt\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('Zope2', 'Products', 'plone', 'App', 'OFS', 'ZPublisher', 'ZODB', 'BTrees'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
