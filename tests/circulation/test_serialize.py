"""A copy in the REST answers: its status's title is the staff pages' message id
of the catalogue rt.infodoc, translated with the request of the call."""

import io

import pytest
from ZPublisher.HTTPRequest import HTTPRequest
from ZPublisher.HTTPResponse import HTTPResponse

from rt.infodoc.circulation import records
from rt.infodoc.circulation.rules import statuses
from rt.infodoc.circulation.services import serialize


def request_from(language=None):
    """A request as the publisher makes it, before Plone binds its language."""
    environ = {"SERVER_NAME": "localhost", "SERVER_PORT": "80", "REQUEST_METHOD": "GET"}
    if language:
        environ["HTTP_ACCEPT_LANGUAGE"] = language
    return HTTPRequest(io.BytesIO(), environ, HTTPResponse())


@pytest.mark.parametrize("code", [code for code, _title in statuses.STATUSES])
def test_the_status_title_is_translated_with_the_request(integration, code):
    """zope.i18n's "test" language (a catalogue every domain has) shows which
    message id the title went through; the site's own requests are French
    (tests/circulation/test_rest.py, from an English browser)."""
    copy = records.Copy(barcode="RT0001", uid="notice-1", status=code)
    request = request_from("test")
    title = statuses.STATUS_TITLES[code]
    assert serialize.copy(copy, request)["status_title"] == f"[[rt.infodoc][{title}]]"
    assert serialize.copy(copy, request_from("en-US,en;q=0.9"))["status_title"] == title
