"""The daily reminder run: plan the letters (levels.py), e-mail them, remember
what was sent.  Safe to run twice a day: a level goes once to each loan.

Letters to borrowers without an e-mail address are not sent: the page
@@relances-a-imprimer lists them for the post.
"""

import datetime
import logging
from email import policy
from email.message import EmailMessage
from email.utils import formataddr

from plone import api
from zope.i18n import translate

from rt.infodoc.circulation.reminders import settings
from rt.infodoc.circulation.reminders import state
from rt.infodoc.circulation.reminders.levels import LEVELS
from rt.infodoc.circulation.reminders.levels import OverdueLoan
from rt.infodoc.circulation.reminders.levels import plan
from rt.infodoc.circulation.reminders.texts import render

logger = logging.getLogger("rt.infodoc.circulation.reminders")


def get_store(portal):
    """The site's store; an empty one (not kept) before circulation was set up,
    so reading never writes."""
    from rt.infodoc.circulation.store import CirculationStore
    from rt.infodoc.circulation.store import get_store as store_of

    found = store_of(portal)
    return found if found is not None else CirculationStore()


def titles(uids):
    catalog = api.portal.get_tool("portal_catalog")
    found = {}
    for brain in catalog.unrestrictedSearchResults(UID=list(uids)):
        found[brain.UID] = brain.Title
    return found


def overdue_loans(portal, today):
    loans = list(get_store(portal).overdue(today))
    names = titles({loan.uid for loan in loans if loan.uid})
    return [
        OverdueLoan(
            loan.id,
            loan.borrower_id or "",
            loan.due,
            names.get(loan.uid, "") or loan.barcode,
            loan.barcode,
        )
        for loan in loans
        if loan.borrower_id
    ]


def _sender(portal):
    address = api.portal.get_registry_record("plone.email_from_address", default="") or ""
    name = api.portal.get_registry_record("plone.email_from_name", default="") or ""
    return formataddr((name, address)) if name else address


def translator(request=None):
    """The ``tr`` of texts.py: a message id in the request's language, or in the
    site's language for a mailing run by the scheduler (no reader's browser)."""
    if request is not None:
        return lambda message: translate(message, context=request)
    language = api.portal.get_default_language() or "fr"
    return lambda message: translate(message, target_language=language)


def letter_message(portal, borrower, letter, today):
    subject, body = settings.texts(letter.level)
    site = portal.Title() or "Ressources & Territoires"
    tr = translator()
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = render(subject, borrower.name, letter.loans, today, site, tr)
    message["From"] = _sender(portal)
    message["To"] = borrower.email
    message["X-Relance-Niveau"] = str(letter.level)
    message.set_content(
        render(body, borrower.name, letter.loans, today, site, tr),
        charset="utf-8",
        cte="quoted-printable",
    )
    return message


def run(portal, today=None, send=True):
    """Send today's reminders; return the French summary (dict of counts)."""
    today = today or datetime.date.today()
    store = get_store(portal)
    loans = overdue_loans(portal, today)
    state.forget_returned(portal, {loan.id for loan in store.current_loans()})
    letters = plan(loans, dict(state.sent(portal).items()), today, settings.delays())
    summary = {f"niveau_{level}": 0 for level in LEVELS}
    summary.update(courriels=0, a_imprimer=0, echecs=0, refuses=[])
    mailhost = api.portal.get_tool("MailHost")
    for letter in letters:
        borrower = store.borrower(letter.borrower_id)
        if borrower is None:
            continue
        summary[f"niveau_{letter.level}"] += 1
        if not (borrower.email or "").strip():
            summary["a_imprimer"] += 1
        elif send:
            try:
                mailhost.send(letter_message(portal, borrower, letter, today), immediate=True)
            except Exception as exc:  # the SMTP server's refusal: tried again next run
                logger.warning("relance non envoyée à %s : %s", borrower.id, exc)
                summary["echecs"] += 1
                summary["refuses"].append(borrower.id)  # their letter goes to print
                continue
            summary["courriels"] += 1
        for loan in letter.loans:
            state.record_sent(portal, loan.loan_id, letter.level)
    state.record_run(portal, summary)
    logger.info("relances du %s : %s", today.isoformat(), summary)
    return summary
