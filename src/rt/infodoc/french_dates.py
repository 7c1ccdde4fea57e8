"""The French months, written out once for the whole add-on: "1er mars 2011".

Pure Python (no Zope component, no request): the Zope-free cores that write
dates (productions/dates.py, networks/period.py, circulation's reminders,
figures and receipt) and the pages (home, legal notice) all read ``MONTHS``;
the figures' charts read ``SHORT_MONTHS``.

Each name is a message id of the domain rt.infodoc, French as it stands: the
package's own factory (``rt.infodoc._``, zope.i18nmessageid, which importing any
module of the package loads already). A message id is a ``str``: a core writes
it as it is, and a page or a mail passes ``tr``, its translator bound to the
request, so the month and "1er" come from the catalogue like the sentence around
them. The message ids must stay "janvier"..."décembre" and "1er" (locales/fr).
"""

from rt.infodoc import _

MONTHS = (
    _("janvier"),
    _("février"),
    _("mars"),
    _("avril"),
    _("mai"),
    _("juin"),
    _("juillet"),
    _("août"),
    _("septembre"),
    _("octobre"),
    _("novembre"),
    _("décembre"),
)
# the charts' axis and narrow columns: the abbreviations of the Imprimerie nationale
SHORT_MONTHS = (
    _("janv."),
    _("févr."),
    _("mars"),
    _("avr."),
    _("mai"),
    _("juin"),
    _("juil."),
    _("août"),
    _("sept."),
    _("oct."),
    _("nov."),
    _("déc."),
)
FIRST_OF_MONTH = _("1er")


def month_name(month, tr=str):
    """ "février" for 2."""
    return tr(MONTHS[month - 1])


def long_date(day, tr=str):
    """ "3 février 2022", "1er mars 2011": a date or datetime, its words through ``tr``."""
    first = tr(FIRST_OF_MONTH) if day.day == 1 else str(day.day)
    return f"{first} {month_name(day.month, tr)} {day.year}"
