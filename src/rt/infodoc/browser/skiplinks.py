"""Skip links ("Aller au contenu", "Aller à la recherche"), first in the page (RGAA 12.7)."""

from plone.app.layout.viewlets.common import ViewletBase


class SkipLinksViewlet(ViewletBase):
    def render(self):
        portal_url = self.context.portal_url() if hasattr(self.context, "portal_url") else ""
        return (
            '<nav class="rt-skiplinks" aria-label="Accès rapide">'
            '<a href="#content">Aller au contenu</a>'
            f'<a href="{portal_url}/recherche#rt-q">Aller à la recherche documentaire</a>'
            "</nav>"
        )
