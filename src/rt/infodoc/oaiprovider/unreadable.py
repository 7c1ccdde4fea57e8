"""The OAI-PMH answer to a request whose arguments ZPublisher could not read.

ZPublisher parses every query string before traversal: an argument name with a
marshalling suffix (``verb:int=x``, ``set:record=y``) can fail there, before the
``oai`` view runs. A harvester must still get an OAI-PMH document, not an HTML
error page: badArgument (such a name is never a legal OAI-PMH argument), HTTP 200
as for any OAI-PMH error. publication/bad_form.py asks this module first.
"""

from urllib.parse import quote

from rt.infodoc.oaiprovider.engine.errors import BAD_ARGUMENT
from rt.infodoc.oaiprovider.engine.responses import Response
from rt.infodoc.oaiprovider.methods import VIEW_NAME
from rt.infodoc.oaiprovider.view import CONTENT_TYPE

MESSAGE = "Arguments illisibles : nom ou valeur d'argument non conforme à OAI-PMH."


def is_oai_request(request):
    path = (request.get("PATH_INFO") or "").rstrip("/")
    return path.endswith((f"/{VIEW_NAME}", f"/@@{VIEW_NAME}"))


def base_url(request):
    path = (request.get("PATH_INFO") or "").rstrip("/")
    return request.get("SERVER_URL", "") + quote(path.replace("/@@", "/"))


def answer(request):
    """badArgument as bytes (and the response's headers set), or None when the
    request is not for the OAI-PMH provider."""
    if not is_oai_request(request):
        return None
    response = Response(base_url(request))
    response.error(BAD_ARGUMENT, MESSAGE)
    request.response.setStatus(200, lock=True)
    request.response.setHeader("Content-Type", CONTENT_TYPE)
    request.response.setHeader("Cache-Control", "no-cache")
    return response.to_bytes()
