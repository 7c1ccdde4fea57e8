"""The open period of a space, said in French for its pages."""

import datetime

from Acquisition import aq_base
from zope.i18n import translate

from rt.infodoc import _
from rt.infodoc.networks.period import period_status


def period_sentence(space, request, today=None):
    base = aq_base(space)
    status = period_status(
        getattr(base, "open_start", None),
        getattr(base, "open_end", None),
        today or datetime.date.today(),
    )
    if status is None:
        return None
    msgid, mapping = status
    return translate(_(msgid, mapping=mapping), context=request)
