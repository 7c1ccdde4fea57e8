"""Keep the figures' counters up to date from the circulation events."""

from zope.component import adapter

from rt.infodoc.circulation.figures import store
from rt.infodoc.circulation.figures.activity import loan_activity
from rt.infodoc.circulation.figures.activity import return_activity
from rt.infodoc.circulation.figures.activity import visit_activities
from rt.infodoc.circulation.figures.counters import keys
from rt.infodoc.circulation.interfaces import ILoanEvent
from rt.infodoc.circulation.interfaces import IReturnEvent
from rt.infodoc.circulation.interfaces import IVisitEvent


@adapter(ILoanEvent)
def loan_made(event):
    store.add(event.site, keys(loan_activity(event.loan)))


@adapter(IReturnEvent)
def loan_returned(event):
    store.add(event.site, keys(return_activity(event.loan)))


@adapter(IVisitEvent)
def visit_recorded(event):
    for activity in visit_activities(event.visit):
        store.add(event.site, keys(activity))
