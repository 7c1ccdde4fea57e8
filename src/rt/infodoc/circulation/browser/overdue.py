"""@@pret-retards: the loans past their due date (a relay's staff see their site's)."""

from datetime import date

from plone import api
from Products.Five.browser import BrowserView

from rt.infodoc.circulation import settings
from rt.infodoc.circulation.browser.common import CirculationPage
from rt.infodoc.circulation.browser.common import fmt_date
from rt.infodoc.circulation.browser.common import titles_of


class OverdueView(BrowserView, CirculationPage):
    def rows(self):
        store = settings.store_of(api.portal.get())
        today = date.today()
        loans = store.overdue(today, site=self.staff_site())
        titles = titles_of([loan.uid for loan in loans])
        rows = []
        for loan in loans:
            borrower = store.borrower(loan.borrower_id)
            rows.append(
                {
                    "title": titles.get(loan.uid, {}).get("title", loan.barcode),
                    "barcode": loan.barcode,
                    "name": borrower.name if borrower else "",
                    "card": loan.borrower_id or "",
                    "contact": (borrower.email or borrower.phone) if borrower else "",
                    "due": fmt_date(loan.due),
                    "days": (today - loan.due).days,
                    "site": self.site_title(loan.site),
                }
            )
        return rows
