"""``expand.contextnavigation.*``: the parameters of plone.restapi's @contextnavigation.

The service (and ``?expand=contextnavigation`` on any content) converts them
with the fields of its schema and lets the conversion error through:
``topLevel=abc``, an empty or repeated value is an HTTP 500. They are converted
the same way once traversal is done, and a value the schema refuses is answered
400 with a French message (publication/bad_form.py shows it).
"""

from plone.restapi.services.contextnavigation.get import INavigationPortlet
from plone.restapi.services.contextnavigation.get import extract_data
from zope.schema.interfaces import ValidationError

from rt.infodoc.publication.errors import InvalidParameter

PREFIX = "expand.contextnavigation."
MESSAGE = (
    "Paramètre invalide : les options expand.contextnavigation.* attendent un "
    "nombre entier, un booléen ou un texte, une seule fois chacune."
)


def check_parameters(event):
    form = getattr(event.request, "form", None) or {}
    if not any(isinstance(name, str) and name.startswith(PREFIX) for name in form):
        return
    try:
        extract_data(INavigationPortlet, form, PREFIX)
    except (ValidationError, ValueError, TypeError, AttributeError) as error:
        raise InvalidParameter(MESSAGE) from error
