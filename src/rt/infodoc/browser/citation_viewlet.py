"""citation_* meta tags in the <head> of a Notice page (Zotero, Google Scholar)."""

from plone.app.layout.viewlets.common import ViewletBase

from rt.infodoc.browser.notice_data import notice_dict
from rt.infodoc.marc.exports.zotero import citation_meta_html


class CitationMetaViewlet(ViewletBase):
    def index(self):
        return citation_meta_html(notice_dict(self.context), self.context.absolute_url())

    def render(self):
        return self.index()
