"""The desk's receipt, sent to the borrower through Plone's MailHost at once.

The loans of the batch are read back from the store by their ids and kept
only when they are the borrower's (a forged id shows nothing of anyone else).
Sending writes nothing: when the SMTP server is down, the loans and returns
already stand, the desk keeps its batch and says so in French
(:class:`ReceiptNotSent`); the receipt can be sent again or printed.
Its text is translated with the request that sends it (the desk's, or the
REST call's): the portal's French, from the catalogue.
"""

from datetime import date
from email import policy
from email.message import EmailMessage
from email.utils import formataddr

from plone import api
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.circulation import receipt
from rt.infodoc.circulation import settings
from rt.infodoc.mail.sending import MailNotSent
from rt.infodoc.mail.sending import configured
from rt.infodoc.mail.sending import send_now

# Message ids (domain rt.infodoc): the desk and the REST answer translate them.
NO_BORROWER = _("Choisissez d'abord un lecteur : le reçu part à son adresse électronique.")
NO_EMAIL = _(
    "${name} n'a pas d'adresse électronique : imprimez le reçu, ou ajoutez son "
    "adresse dans sa fiche (page Emprunteurs)."
)
BAD_EMAIL = _(
    "L'adresse électronique de ${name} (« ${email} ») n'est pas valide : "
    "corrigez-la dans sa fiche (page Emprunteurs), ou imprimez le reçu."
)
NOT_CONFIGURED = _(
    "L'envoi de courriels n'est pas configuré sur ce portail : imprimez le reçu. "
    "Les prêts et les retours sont bien enregistrés."
)
SERVER_DOWN = _(
    "Le reçu n'a pas pu partir : le serveur de messagerie ne répond pas. Les prêts et "
    "les retours sont bien enregistrés ; réessayez dans quelques minutes ou imprimez le reçu."
)
SENT = _("Reçu envoyé par courriel à ${email}.")


class ReceiptNotSent(Exception):
    """``message``: a message id (French); ``code``: no_borrower, no_email,
    bad_email, mail_not_configured or mail_not_sent."""

    def __init__(self, message, code):
        super().__init__(code)
        self.message = message
        self.code = code


def _titles(uids):
    catalog = api.portal.get_tool("portal_catalog")
    uids = [u for u in set(uids) if u]
    if not uids:
        return {}
    return {b.UID: b.Title for b in catalog.unrestrictedSearchResults(UID=uids)}


def _sender():
    address = api.portal.get_registry_record("plone.email_from_address", default="") or ""
    name = api.portal.get_registry_record("plone.email_from_name", default="") or ""
    return formataddr((name, address)) if name else address


def batch_loans(store, card, loan_ids):
    """The loans of the batch that are this borrower's, in the batch's order."""
    found = []
    for lid in loan_ids:
        loan = store.history.get(lid)
        if loan is not None and loan.borrower_id == card:
            found.append(loan)
    return found


def message_for(portal, store, borrower, loan_ids, desk_site, today, request=None):
    """The receipt as an EmailMessage to the borrower, in the language of
    ``request`` (the portal's French)."""

    def tr(message):
        return translate(message, context=request)

    lent, renewed, returned = receipt.sort_batch(batch_loans(store, borrower.id, loan_ids))
    current = sorted(store.loans_of(borrower.id), key=lambda loan: (loan.due, loan.barcode))
    titles = _titles(loan.uid for loan in (*lent, *renewed, *returned, *current))
    sites = settings.site_titles()

    def lines(loans, back=False):
        return [
            receipt.Line(
                titles.get(loan.uid) or tr(receipt.UNTITLED),
                loan.barcode,
                loan.returned if back else loan.due,
                sites.get(loan.return_site if back else loan.site, ""),
            )
            for loan in loans
        ]

    site_name = portal.Title() or "Ressources & Territoires"
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = receipt.subject(site_name, today, tr)
    message["From"] = _sender()
    message["To"] = borrower.email.strip()
    message.set_content(
        receipt.body(
            borrower.name,
            borrower.id,
            sites.get(desk_site, desk_site),
            site_name,
            today,
            lent=lines(lent),
            renewed=lines(renewed),
            returned=lines(returned, back=True),
            current=lines(current),
            tr=tr,
        ),
        charset="utf-8",
        cte="quoted-printable",
    )
    return message


def send_receipt(portal, store, card, loan_ids, desk_site, today=None, request=None):
    """Send the receipt of `card`'s batch now, its text translated with
    ``request``; its address, or ReceiptNotSent."""
    borrower = store.borrower(card) if card else None
    if borrower is None:
        raise ReceiptNotSent(NO_BORROWER, "no_borrower")
    email = (borrower.email or "").strip()
    if not email:
        raise ReceiptNotSent(_(NO_EMAIL, mapping={"name": borrower.name}), "no_email")
    if not receipt.valid_address(email):
        mapping = {"name": borrower.name, "email": email[:80]}
        raise ReceiptNotSent(_(BAD_EMAIL, mapping=mapping), "bad_email")
    if not configured():
        raise ReceiptNotSent(NOT_CONFIGURED, "mail_not_configured")
    message = message_for(
        portal, store, borrower, loan_ids, desk_site, today or date.today(), request
    )
    try:
        send_now(message)
    except MailNotSent as error:
        raise ReceiptNotSent(SERVER_DOWN, "mail_not_sent") from error
    return email
