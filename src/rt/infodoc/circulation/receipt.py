"""The desk's receipt as an e-mail: its French subject and text (pure Python).

The desk sends, after a batch of loans, renewals and returns, what Koha calls
the issue slip: what was done today (lent, renewed, returned), then every loan
still out with its due date. ``batch_ids`` reads the batch the desk carries
from one scan to the next (loan ids in a hidden field); ``sort_batch`` splits
the batch's loans, read back from the store, into lent, renewed and returned.
"""

import re
from collections import namedtuple

from rt.infodoc.productions.dates import long_date

MAX_BATCH = 200  # loan ids kept in the desk's hidden field

# one document of the receipt: title, barcode, a date (due or returned), a site title
Line = namedtuple("Line", "title barcode day site")

# Deliberately simple: one @, a dot in the domain, no spaces or separators.
_ADDRESS = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]{2,}$")


def valid_address(address):
    address = (address or "").strip()
    return bool(_ADDRESS.match(address)) and len(address) <= 254


def batch_ids(text):
    """The loan ids of the desk's hidden field (digits separated by spaces), in
    order, each once; anything else is dropped."""
    ids = []
    for part in str(text or "").split():
        if part.isdigit() and int(part) not in ids:
            ids.append(int(part))
    return ids[-MAX_BATCH:]


def batch_text(ids):
    return " ".join(str(i) for i in ids[-MAX_BATCH:])


def sort_batch(loans):
    """(lent, renewed, returned) loans of a batch: a returned loan is returned,
    a loan renewed at least once is renewed, the others were lent."""
    lent, renewed, returned = [], [], []
    for loan in loans:
        if loan.returned is not None:
            returned.append(loan)
        elif loan.renewals:
            renewed.append(loan)
        else:
            lent.append(loan)
    return lent, renewed, returned


def subject(site_name, today):
    return f"Votre reçu de prêt du {long_date(today)} — {site_name}"


def _lines(lines, verb):
    return [
        f"- {line.title} (code-barres {line.barcode}), {verb} {long_date(line.day)}"
        + (f", {line.site}" if line.site else "")
        for line in lines
    ]


def body(name, card, desk_site, site_name, today, lent=(), renewed=(), returned=(), current=()):
    """The receipt's text. ``lent``, ``renewed``, ``current``: Lines whose day is
    the due date and site the site that lent; ``returned``: day of the return and
    the site that took it back."""
    out = [
        f"Bonjour {name},",
        "",
        f"Voici le reçu de votre passage du {long_date(today)} au site {desk_site} (carte {card}).",
    ]
    for title, lines, verb in (
        ("Prêtés aujourd'hui :", lent, "à rendre le"),
        ("Prolongés :", renewed, "à rendre le"),
        ("Rendus :", returned, "rendu le"),
    ):
        if lines:
            out += ["", title, *_lines(lines, verb)]
    out += [""]
    if current:
        count = len(current)
        out += [
            f"Vos prêts en cours ({count} document{'s' if count > 1 else ''}) :",
            *_lines(current, "à rendre le"),
        ]
    else:
        out += ["Vous n'avez plus aucun prêt en cours."]
    out += [
        "",
        "Vous pouvez prolonger vos prêts depuis votre compte en ligne, "
        "ou à l'accueil de n'importe quel site.",
        "",
        f"Le service Information-Documentation, {site_name}",
    ]
    return "\n".join(out)
