"""<site>/panier: the reader's basket, its exports, e-mail and bibliography page."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Forbidden

from rt.infodoc import _
from rt.infodoc.browser import basket_mail
from rt.infodoc.browser import basket_page
from rt.infodoc.browser import basket_store
from rt.infodoc.browser import form_values as params
from rt.infodoc.browser import mail_limit
from rt.infodoc.browser.basket_records import basket_objects
from rt.infodoc.browser.basket_records import basket_uids
from rt.infodoc.browser.basket_records import entry_of
from rt.infodoc.browser.basket_records import record_rows
from rt.infodoc.browser.basket_records import records_of
from rt.infodoc.browser.export_formats import FORMATS
from rt.infodoc.browser.export_formats import render
from rt.infodoc.browser.exports import send_download
from rt.infodoc.browser.exports import send_error
from rt.infodoc.marc.unimarc_builder import NoticeError

ONE_YEAR = 365 * 24 * 3600
BASKET_EXPORTS = ("ris", "bibtex", "unimarc")


def store_basket(request, uids):
    request.response.setCookie(
        basket_store.COOKIE,
        basket_store.serialize(uids),
        path="/",
        max_age=ONE_YEAR,
        same_site="Lax",
    )
    request.cookies[basket_store.COOKIE] = basket_store.serialize(uids)


class BasketView(BrowserView):
    errors = None
    form_values = None

    def __call__(self):
        self.errors, self.form_values = {}, {}
        form = self.request.form
        action = params.text(form, "basket_action")
        if self.request.method == "POST" and action:
            result = self.handle(action, form)
            if result is not None:
                return result
        return self.index()

    # ----------------------------------------------------------- actions
    def handle(self, action, form):
        uids = basket_uids(self.request)
        if action in ("add", "remove"):
            change = basket_store.add if action == "add" else basket_store.remove
            for uid in params.texts(form, "uid"):
                uids = change(uids, uid)
            store_basket(self.request, uids)
            return self.redirect(params.text(form, "came_from"))
        if action == "clear":
            store_basket(self.request, [])
            self.message(_("Le panier a été vidé."))
            return self.redirect(None)
        if action == "email":
            return self.send_mail(form)
        if action == "create_page":
            return self.create_page(form)
        return None

    def send_mail(self, form):
        entries = [entry_of(obj) for obj in self.objects()]
        address, note = params.text(form, "email"), params.text(form, "note")
        self.form_values = {"email": address, "note": note}
        self.errors = basket_mail.validate(address, note, entries)
        if self.errors:
            self.request.response.setStatus(400)
            return None
        if api.user.is_anonymous() and not mail_limit.LIMIT.allow(self.request.getClientAddr()):
            self.errors = {"email": basket_mail.ERROR_TOO_MANY}
            self.request.response.setStatus(429)
            return None
        try:
            basket_mail.send_bibliography(address, note, entries)
        except basket_mail.MailNotSent as error:
            self.errors = {"send": error.message}
            self.request.response.setStatus(503)
            return None
        self.message(
            _(
                "La bibliographie (${count} références) a été envoyée à ${address}.",
                mapping={"count": len(entries), "address": address.strip()},
            )
        )
        return self.redirect(None)

    def create_page(self, form):
        CheckAuthenticator(self.request)
        title = params.text(form, "page_title").strip()
        path = params.text(form, "folder")
        self.form_values = {"page_title": title, "folder": path}
        entries = [entry_of(obj) for obj in self.objects()]
        if not title:
            self.errors["page_title"] = _("Veuillez donner un titre à la page.")
        if path not in [p for p, _t in self.folders()]:
            self.errors["folder"] = _("Choisissez un dossier où vous pouvez ajouter une page.")
        if not entries:
            self.errors["basket"] = basket_mail.ERROR_EMPTY_BASKET
        if self.errors:
            self.request.response.setStatus(400)
            return None
        try:
            page = basket_page.create_bibliography_page(path, title, entries)
        except PermissionError as error:
            raise Forbidden(str(error)) from error
        self.message(
            _("La page bibliographique a été créée (en brouillon) : relisez-la et publiez-la.")
        )
        return self.request.response.redirect(page.absolute_url())

    # ----------------------------------------------------------- helpers
    def message(self, text):
        api.portal.show_message(text, request=self.request, type="info")

    def redirect(self, came_from):
        portal_url = api.portal.get().absolute_url()
        target = (
            came_from
            if came_from and str(came_from).startswith(portal_url + "/")
            else f"{portal_url}/panier"
        )
        self.request.response.redirect(target)
        return ""

    def objects(self):
        if not hasattr(self, "_objects"):
            self._objects = basket_objects(self.request)
        return self._objects

    def records(self):
        return record_rows(self.objects(), self.request)

    def hidden_count(self):
        """Records of the cookie the reader cannot see (removed or restricted)."""
        return len(basket_uids(self.request)) - len(self.objects())

    def exports(self):
        base = f"{api.portal.get().absolute_url()}/@@panier-export?format="
        return [{"url": base + name, "label": FORMATS[name].label} for name in BASKET_EXPORTS]

    def folders(self):
        if not hasattr(self, "_folders"):
            self._folders = basket_page.target_folders()
        return self._folders

    def error(self, name):
        return (self.errors or {}).get(name)

    def value(self, name):
        return (self.form_values or {}).get(name, "")


class BasketExport(BrowserView):
    """@@panier-export?format=ris|bibtex|unimarc|marcxml|unimarcxml"""

    def __call__(self):
        format_name = params.text(self.request.form, "format", "ris")
        if format_name not in FORMATS:
            return send_error(
                self.request, f"Format d'export inconnu : « {format_name[:80]} ».", status=400
            )
        entries = []
        for obj in basket_objects(self.request):
            notice, url = entry_of(obj)
            entries.append((notice, url, records_of(obj, notice)))
        if not entries:
            return send_error(self.request, basket_mail.ERROR_EMPTY_BASKET)
        try:
            body = render(format_name, entries)
        except (NoticeError, ValueError) as error:
            return send_error(self.request, f"Export impossible : {error}")
        return send_download(self.request, format_name, body, "panier")
