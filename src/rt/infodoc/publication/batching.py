"""``b_start`` and ``b_size``, the batching parameters of Plone and plone.restapi.

Every listing reads them with a bare ``int()`` (``b_start=abc``: ValueError) and
hands them to plone.batching, which asserts on a size below one
(``@search?b_size=-5``: AssertionError): both are HTTP 500s, in folder views,
``@@search``, ``@search`` and any REST listing. They are checked once, after
traversal, for every request: a value that is not a whole number in range is
refused with HTTP 400 and a French message.
"""

import re

from rt.infodoc.publication.errors import InvalidParameter

_WHOLE = re.compile(r"[0-9]{1,12}\Z", re.ASCII)
# name -> (smallest value, message)
LIMITS = {
    "b_start": (
        0,
        "Paramètre de pagination invalide : b_start doit être un nombre "
        "entier positif ou nul (au plus 12 chiffres).",
    ),
    "b_size": (
        1,
        "Paramètre de pagination invalide : b_size doit être un nombre "
        "entier supérieur ou égal à 1 (au plus 12 chiffres).",
    ),
}


def valid(value, minimum):
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return minimum <= value < 10**12
    return isinstance(value, str) and bool(_WHOLE.match(value.strip())) and int(value) >= minimum


def check_batching(event):
    """Refuse unusable batching parameters before any view reads them."""
    form = getattr(event.request, "form", None) or {}
    for name, (minimum, message) in LIMITS.items():
        if name in form and not valid(form[name], minimum):
            raise InvalidParameter(message)
