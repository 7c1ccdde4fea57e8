"""Plone's contact form (@@contact-info) sending now, with a French answer on failure.

Plone's own form queues the message until the transaction commits and thanks the
reader even when the SMTP server then refuses it (the failure is only logged). This
subclass sends while the request runs: when the server is down the reader sees a
French message and the form again, with everything typed still in it.
"""

from plone.base import PloneMessageFactory as PMF
from Products.CMFPlone.browser.contact_info import ContactForm as PloneContactForm
from Products.statusmessages.interfaces import IStatusMessage
from z3c.form import button
from zope.component.hooks import getSite

from rt.infodoc.mail import sending

try:
    from Products.MailHost.MailHost import message_from_string
except ImportError:  # pragma: no cover
    from email import message_from_string


class ContactForm(PloneContactForm):
    def mailhost_is_configured(self):
        return sending.configured()

    @button.buttonAndHandler(PMF("label_send", default="Send"), name="send")
    def handle_send(self, action):
        if self.request.method != "POST":
            self.success = False
            return
        data, errors = self.extractData()
        if errors:
            IStatusMessage(self.request).add(self.formErrorsMessage, type="error")
            return
        try:
            self.send_message(data)
        except sending.MailNotSent as error:
            IStatusMessage(self.request).add(error.message, type="error")
            self.request.response.setStatus(503)
            return
        self.send_feedback()
        self.success = True

    def send_message(self, data):
        address = self._address()
        data = dict(data, url=getSite().absolute_url())
        message = message_from_string(self.generate_mail(data))
        message["Reply-To"] = data["sender_from_address"]
        sending.send_now(message, mto=address, mfrom=address, subject=data.get("subject"))

    def _address(self):
        from plone import api

        return api.portal.get_registry_record("plone.email_from_address", default="")
