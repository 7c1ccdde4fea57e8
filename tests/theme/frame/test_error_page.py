"""The error page (theme/frame/errors.py) for an error that is not a 404: the
French page with a way on, no traceback for a reader."""

import transaction
from plone import api
from zope.component import getMultiAdapter
from zope.interface import alsoProvides

from rt.infodoc.interfaces import IRtInfodocLayer


def test_an_unexpected_error_gets_the_french_page_without_traceback(portal):
    request = portal.REQUEST
    alsoProvides(request, IRtInfodocLayer)
    request.environ["HTTP_ACCEPT"] = "text/html"
    try:
        raise RuntimeError("secret internals")
    except RuntimeError as error:  # the publisher renders the view while handling it
        view = getMultiAdapter((error, request), name="index.html")
        view.__parent__ = portal
        html = view()
    assert "Une erreur est survenue sur cette page" in html
    assert f"{api.portal.get().absolute_url()}/contact-info" in html
    assert "secret internals" not in html and "Traceback" not in html
    assert request.response.getStatus() == 500
    transaction.abort()
