"""The desk's receipt as an e-mail: its French subject and text (pure Python).

The desk sends, after a batch of loans, renewals and returns, what Koha calls
the issue slip: what was done today (lent, renewed, returned), then every loan
still out with its due date. ``batch_ids`` reads the batch the desk carries
from one scan to the next (loan ids in a hidden field); ``sort_batch`` splits
the batch's loans, read back from the store, into lent, renewed and returned.

Every French word of the receipt is a message id (domain rt.infodoc) turned
into text by ``tr``: the mail passes a translator bound to the request
(receipt_mail.py), and without one the ids are read as the plain French they
are (rules/messages.py: ``plain``); the dates' words too (french_dates.py).
"""

import re
from collections import namedtuple

from rt.infodoc import _
from rt.infodoc.circulation.rules.messages import plain
from rt.infodoc.french_dates import long_date

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


SUBJECT = _("Votre reçu de prêt du ${date} — ${site}")
HELLO = _("Bonjour ${name},")
VISIT = _("Voici le reçu de votre passage du ${date} au site ${site} (carte ${card}).")
LENT = _("Prêtés aujourd'hui :")
RENEWED = _("Prolongés :")
RETURNED = _("Rendus :")
CURRENT_ONE = _("Vos prêts en cours (1 document) :")
CURRENT = _("Vos prêts en cours (${count} documents) :")
NO_LOAN_LEFT = _("Vous n'avez plus aucun prêt en cours.")
RENEW_ONLINE = _(
    "Vous pouvez prolonger vos prêts depuis votre compte en ligne, "
    "ou à l'accueil de n'importe quel site."
)
SIGNATURE = _("Le service Information-Documentation, ${site}")
UNTITLED = _("Document")  # a record whose title the catalog does not give
# one document: (due date or return date) x (with or without the site's title)
DUE = _("- ${title} (code-barres ${barcode}), à rendre le ${date}")
DUE_AT = _("- ${title} (code-barres ${barcode}), à rendre le ${date}, ${site}")
BACK = _("- ${title} (code-barres ${barcode}), rendu le ${date}")
BACK_AT = _("- ${title} (code-barres ${barcode}), rendu le ${date}, ${site}")


def subject(site_name, today, tr=plain):
    return tr(_(SUBJECT, mapping={"date": long_date(today, tr), "site": site_name}))


def _lines(lines, back, tr):
    found = []
    for line in lines:
        mapping = {
            "title": line.title,
            "barcode": line.barcode,
            "date": long_date(line.day, tr),
            "site": line.site,
        }
        if back:
            message = BACK_AT if line.site else BACK
        else:
            message = DUE_AT if line.site else DUE
        found.append(tr(_(message, mapping=mapping)))
    return found


def body(
    name,
    card,
    desk_site,
    site_name,
    today,
    lent=(),
    renewed=(),
    returned=(),
    current=(),
    tr=plain,
):
    """The receipt's text. ``lent``, ``renewed``, ``current``: Lines whose day is
    the due date and site the site that lent; ``returned``: day of the return and
    the site that took it back. ``tr`` turns each message id into text."""
    visit = {"date": long_date(today, tr), "site": desk_site, "card": card}
    out = [tr(_(HELLO, mapping={"name": name})), "", tr(_(VISIT, mapping=visit))]
    for title, lines, back in (
        (LENT, lent, False),
        (RENEWED, renewed, False),
        (RETURNED, returned, True),
    ):
        if lines:
            out += ["", tr(title), *_lines(lines, back, tr)]
    out += [""]
    if len(current) == 1:
        out += [tr(CURRENT_ONE), *_lines(current, False, tr)]
    elif current:
        count = {"count": len(current)}
        out += [tr(_(CURRENT, mapping=count)), *_lines(current, False, tr)]
    else:
        out += [tr(NO_LOAN_LEFT)]
    out += ["", tr(RENEW_ONLINE), "", tr(_(SIGNATURE, mapping={"site": site_name}))]
    return "\n".join(out)
