"""The network manager's page: who belongs to the network, add and remove.

``@@membres-du-reseau`` on a network space, for its manager (local role
``NetworkManager``, given in the Sharing tab) and the site's administrators. A
member is added by login or e-mail address; an unknown or ambiguous one gets a
French message and nothing is saved. Every change is a POST with Plone's CSRF
token, followed by a redirect (the page can be reloaded safely).
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.networks import groups
from rt.infodoc.networks.localroles import network_of
from rt.infodoc.networks.status import period_sentence

MESSAGES = {
    "empty": _("Indiquez l'identifiant ou l'adresse électronique du membre à ajouter."),
    "unknown": _(
        "Aucun compte ne correspond à « ${who} ». Vérifiez l'identifiant ou l'adresse "
        "électronique : rien n'a été enregistré."
    ),
    "ambiguous": _(
        "Plusieurs comptes utilisent l'adresse « ${who} » : indiquez plutôt "
        "l'identifiant. Rien n'a été enregistré."
    ),
    "already": _("${who} est déjà membre du réseau."),
    "added": _("${who} est maintenant membre du réseau."),
    "removed": _("${who} n'est plus membre du réseau."),
    "not_member": _("Ce compte n'est pas membre du réseau : rien n'a été modifié."),
    "no_network": _("Ce dossier n'appartient à aucun réseau."),
}


class NetworkMembersView(BrowserView):
    error = None
    entered = ""

    def __call__(self):
        self.portal = api.portal.get()
        self.group_id = network_of(self.context)
        self.group = groups.network_group(self.group_id)
        form = self.request.form
        if self.request.method == "POST" and self.group is not None:
            CheckAuthenticator(self.request)
            if "form.add" in form:
                if self._add(form.get("who", "")):
                    return self._back()
            elif "form.remove" in form:
                self._remove(form.get("member", ""))
                return self._back()
        return self.index()

    # --------------------------------------------------------------- actions

    def _say(self, key, kind="info", **mapping):
        msg = _(MESSAGES[key], mapping=mapping)
        IStatusMessage(self.request).add(translate(msg, context=self.request), type=kind)

    def _add(self, text):
        self.entered = (text or "").strip()[:200]
        user, reason = groups.find_user(self.portal, self.entered)
        if user is None:
            self.error = translate(
                _(MESSAGES[reason], mapping={"who": self.entered}), context=self.request
            )
            return False
        if user.getId() in groups.member_ids(self.portal, self.group_id):
            self._say("already", who=self._name(user))
            return True
        groups.add_member(self.portal, self.group_id, user.getId())
        self._say("added", who=self._name(user))
        return True

    def _remove(self, user_id):
        if user_id not in groups.member_ids(self.portal, self.group_id):
            self._say("not_member", kind="error")
            return
        user = api.user.get(userid=user_id)
        groups.remove_member(self.portal, self.group_id, user_id)
        self._say("removed", who=self._name(user) if user else user_id)

    def _back(self):
        self.request.response.redirect(f"{self.context.absolute_url()}/@@membres-du-reseau")
        return ""

    @staticmethod
    def _name(user):
        fullname = user.getProperty("fullname") or ""
        login = user.getUserName()
        return f"{fullname} ({login})" if fullname else login

    # ------------------------------------------------------------ for the page

    def network_title(self):
        return groups.group_title(self.group) if self.group is not None else None

    def no_network_message(self):
        return translate(MESSAGES["no_network"], context=self.request)

    def members(self):
        return groups.members(self.portal, self.group_id) if self.group is not None else []

    def period(self):
        return period_sentence(self.context, self.request)
