"""The pages of a panorama de presse and of its press items; an item from a URL."""

import transaction
from plone import api
from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18nmessageid import Message

from rt.infodoc import _
from rt.infodoc.productions import press_meta
from rt.infodoc.productions.base import ProductionView
from rt.infodoc.productions.dates import long_date


def press_row(obj):
    return {
        "title": obj.Title(),
        "page": obj.absolute_url(),
        "url": getattr(obj, "url", None) or "",
        "source": getattr(obj, "source", None) or "",
        "date": long_date(getattr(obj, "date", None)),
        "summary": getattr(obj, "summary", None) or "",
    }


class PanoramaView(ProductionView):
    def items(self):
        return [press_row(b.getObject()) for b in self.listing(portal_type="PressItem")]

    def can_add(self):
        return api.user.has_permission("Add portal content", obj=self.context)


class PressItemView(ProductionView):
    def item(self):
        return press_row(self.context)

    def panorama(self):
        parent = self.context.__parent__
        return {"title": parent.Title(), "url": parent.absolute_url()}


class AddFromUrl(ProductionView):
    """One step: paste the article's address, the item is created from its metadata."""

    error = ""
    url = ""

    def __call__(self):
        form = self.request.form
        if self.request.get("REQUEST_METHOD") == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            self.url = (form.get("url") or "").strip() if isinstance(form.get("url"), str) else ""
            try:
                meta = press_meta.fetch(self.url)
            except press_meta.PressFetchError as exc:
                self.error = self.tr(Message(exc.msgid, domain="rt.infodoc", mapping=exc.mapping))
                self.request.response.setStatus(400)
                return self.index()
            if self._known(meta.url):
                self.error = self.tr(_("Cet article est déjà dans le panorama."))
                self.request.response.setStatus(400)
                return self.index()
            item = self._create(meta)
            IStatusMessage(self.request).add(
                self.tr(
                    _(
                        "Article ajouté : « ${title} ». Vérifiez la source, la date et le résumé.",
                        mapping={"title": item.Title()},
                    )
                ),
                "info",
            )
            self.request.response.redirect(f"{item.absolute_url()}/edit")
            return ""
        return self.index()

    def _known(self, url):
        return any(
            (getattr(b.getObject(), "url", None) or "") == url
            for b in self.listing(portal_type="PressItem")
        )

    def _create(self, meta):
        savepoint = transaction.savepoint()
        try:
            return api.content.create(
                container=self.context,
                type="PressItem",
                title=meta.title,
                source=meta.source or None,
                date=meta.date,
                url=meta.url,
                summary=meta.summary or None,
            )
        except Exception:
            savepoint.rollback()
            raise
