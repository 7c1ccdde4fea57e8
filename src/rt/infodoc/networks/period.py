"""The open period of a network space: when its members may add documents.

Pure Python (no Zope): the local roles of a dossier are computed from it at each
access, so a space becomes read-only at the end of its period with no job to run.
Sentences are message ids of the "rt.infodoc" domain with their mapping; the
caller translates them.
"""

import datetime

from rt.infodoc.french_dates import long_date

PERIOD_ERROR = "La date de fin de la période d'ouverture doit suivre sa date de début."
NOT_YET = "Ouvert aux contributions des membres à partir du ${date}."
UNTIL = "Ouvert aux contributions des membres jusqu'au ${date} inclus."
SINCE = "Ouvert aux contributions des membres depuis le ${date}."
CLOSED = "En lecture seule depuis le ${date} : la période d'ouverture est close."


def is_open(start, end, today):
    """True when `today` is inside [start, end]; a missing bound is no bound."""
    if start is not None and today < start:
        return False
    if end is not None and today > end:
        return False
    return True


def period_error(start, end):
    """The message id for an impossible period, or None."""
    if start is not None and end is not None and end < start:
        return PERIOD_ERROR
    return None


def period_status(start, end, on):
    """(message id, mapping) saying whether members may contribute on `on`; None
    when the space has no period (always open to its members' contributions)."""
    if start is None and end is None:
        return None
    if start is not None and on < start:
        return NOT_YET, {"date": long_date(start)}
    if end is not None and on > end:
        return CLOSED, {"date": long_date(end + datetime.timedelta(days=1))}
    if end is not None:
        return UNTIL, {"date": long_date(end)}
    return SINCE, {"date": long_date(start)}
