"""The banner of a network space: whose space it is, until when members may
contribute, and the way to the members' page for those who manage it."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from rt.infodoc.networks import groups
from rt.infodoc.networks.localroles import network_of
from rt.infodoc.networks.status import period_sentence

MANAGE_PERMISSION = "rt.infodoc: Manage network members"
PAGE = "membres-du-reseau"


class NetworkBanner(ViewletBase):
    index = ViewPageTemplateFile("templates/banner.pt")

    def update(self):
        super().update()
        self.group = groups.network_group(network_of(self.context))

    def available(self):
        # not on the members' page, which says all of it
        return self.group is not None and getattr(self.view, "__name__", "") != PAGE

    def network_title(self):
        return groups.group_title(self.group)

    def period(self):
        return period_sentence(self.context, self.request)

    def can_manage(self):
        return api.user.has_permission(MANAGE_PERMISSION, obj=self.context)

    def render(self):
        return self.index() if self.available() else ""
